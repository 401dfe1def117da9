/**
 * The sandbox's own reading of where each vendor section lives: path and method as the vendor pages
 * print them, keyed by section number. Several sections share a path (1.2/1.3 one login; 6.7.1/6.7.3
 * one private-pool import). docs/vendor-conformance.md compares these with the node's paths.
 */
export const VENDOR_PATHS = {
	'1.2': { method: 'POST', path: '/api/login' },
	'1.3': { method: 'POST', path: '/api/login' },
	'2.1.1': { method: 'POST', path: '/api/aiUserDatasapi' },
	'2.1.2': { method: 'POST', path: '/api/aiUserSaveapi' },
	'2.1.3': { method: 'POST', path: '/api/aiUserDeleteapi' },
	'2.1.4': { method: 'POST', path: '/api/aiUserUpdateapi' },
	'2.3.1': { method: 'POST', path: '/api/skillGroupListsDataapii' },
	'2.3.3': { method: 'POST', path: '/api/skillGroupUpdateapi' },
	// 2.3.4 prints the list path of 2.3.1 again; no page names another, so the delete is answered there
	'2.3.4': { method: 'POST', path: '/api/skillGroupListsDataapii' },
	'3.1': { method: 'POST', path: '/api/getAllPermissionapi' },
	'3.2': { method: 'POST', path: '/api/roleGetapi' },
	'3.3': { method: 'POST', path: '/api/doRoleAddapi' },
	'3.4': { method: 'POST', path: '/api/doRoleupdateapi' },
	'3.5': { method: 'POST', path: '/api/roleEditapi' },
	'3.6': { method: 'POST', path: '/api/roleDelapi' },
	'4.3': { method: 'POST', path: '/api/callTimeList' },
	'4.4': { method: 'POST', path: '/api/timeSave' },
	'5.1': { method: 'POST', path: '/api/index' },
	'5.2': { method: 'POST', path: '/api/operateTask' },
	'5.3': { method: 'POST', path: '/api/cancelCall' },
	'5.3.2': { method: 'POST', path: '/api/cancelCallCallee' },
	'5.4': { method: 'POST', path: '/api/getDetailsList' },
	'5.5': { method: 'POST', path: '/api/failRecall' },
	'5.6': { method: 'POST', path: '/api/detailTaskStopList' },
	'5.7.1': { method: 'POST', path: '/api/addExcelOfAsync' },
	'5.7.2': { method: 'POST', path: '/api/addJsonOfAsync' },
	// the 5.7.2 page is cut before its synchronous URL; public client code posts to this one
	'5.7.2 sync': { method: 'POST', path: '/api/addJson' },
	'5.7.4': { method: 'POST', path: '/api/getImportTaskInfo' },
	'5.8.1': { method: 'POST', path: '/api/addBatch' },
	'5.9': { method: 'POST', path: '/api/taskDetailStop' },
	'5.10': { method: 'POST', path: '/api/taskBatchImportStatus' },
	'5.11': { method: 'GET', path: '/api/exportModel' },
	'6.1': { method: 'POST', path: '/api/crmList' },
	'6.2': { method: 'GET', path: '/api/cdrDownload' },
	'6.3': { method: 'GET', path: '/api/cdrFragmentDownload' },
	'6.4': { method: 'POST', path: '/api/cdrshow' },
	'6.7.1': { method: 'GET', path: '/api/addCustomerJson' },
	'6.7.2': { method: 'GET', path: '/api/addPublicCustomerJson' },
	// printed as GET with the 6.7.1 path; a file travels only in a multipart POST, so both are answered
	'6.7.3': { method: 'ANY', path: '/api/addCustomerJson' },
	'6.7.4': { method: 'POST', path: '/api/importPublicCustomerExcle' },
	'6.7.5': { method: 'GET', path: '/api/customerList' },
	'6.7.6': { method: 'GET', path: '/api/deleteOpen' },
	'6.7.7': { method: 'GET', path: '/api/giveUp' },
	'6.7.9': { method: 'GET', path: '/api/updateFollowUser' },
	'7.1': { method: 'POST', path: '/api/templatelist' },
	'7.2': { method: 'POST', path: '/api/templatedata' },
	'7.8': { method: 'POST', path: '/api/getProjects' },
	'8.1': { method: 'POST', path: '/api/BlackListListsDataapi' },
	'8.2': { method: 'POST', path: '/api/BlackListDelete' },
	'8.3': { method: 'GET', path: '/api/downloadBlacklistapi' },
	'8.4': { method: 'POST', path: '/api/importsExcelapi' },
	'9.1': { method: 'POST', path: '/api/setCallback' },
} as const satisfies Record<string, { method: 'GET' | 'POST' | 'ANY'; path: string }>;

type VendorSection = keyof typeof VENDOR_PATHS;

/** The path of a section, for route tables: `[path('5.1')]: { … }`. */
export function path(section: VendorSection): string {
	return VENDOR_PATHS[section].path;
}
