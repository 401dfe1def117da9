/** Vendor paths, by the section of the vendor docs that documents them. */
export const ENDPOINTS = {
	login: '/api/login', // 1.2 / 1.3
	subAccountList: '/api/aiUserDatasapi', // 2.1.1
	subAccountCreate: '/api/aiUserSaveapi', // 2.1.2 (also "create extension")
	subAccountDelete: '/api/aiUserDeleteapi', // 2.1.3
	subAccountUpdate: '/api/aiUserUpdateapi', // 2.1.4
	skillGroupList: '/api/skillGroupListsDataapii', // 2.3.1 (sic)
	skillGroupUpdate: '/api/skillGroupUpdateapi', // 2.3.3
	skillGroupDelete: '/api/skillGroupListsDataapii', // 2.3.4 prints the list path of 2.3.1 and no other; unverified: the delete is confirmed
	permissionTree: '/api/getAllPermissionapi', // 3.1
	roleList: '/api/roleGetapi', // 3.2
	roleCreate: '/api/doRoleAddapi', // 3.3
	roleUpdate: '/api/doRoleupdateapi', // 3.4
	roleGet: '/api/roleEditapi', // 3.5
	roleDelete: '/api/roleDelapi', // 3.6
	callTimeGet: '/api/callTimeList', // 4.3
	callTimeSet: '/api/timeSave', // 4.4
	taskList: '/api/index', // 5.1
	taskOperate: '/api/operateTask', // 5.2
	taskCancelCalls: '/api/cancelCall', // 5.3
	taskCancelCallsByNumber: '/api/cancelCallCallee', // 5.3.2
	taskDetails: '/api/getDetailsList', // 5.4
	taskRedialFailed: '/api/failRecall', // 5.5
	taskStoppedDetails: '/api/detailTaskStopList', // 5.6
	taskCreateExcelAsync: '/api/addExcelOfAsync', // 5.7.1
	taskCreateJson: '/api/addJson', // 5.7.2 sync
	taskCreateJsonAsync: '/api/addJsonOfAsync', // 5.7.2 async
	taskImportResult: '/api/getImportTaskInfo', // 5.7.4
	batchCreate: '/api/addBatch', // 5.8.1
	taskDetailStop: '/api/taskDetailStop', // 5.9
	taskBatchStatus: '/api/taskBatchImportStatus', // 5.10
	scriptTemplate: '/api/exportModel', // 5.11 (GET)
	callRecordList: '/api/crmList', // 6.1
	recordingDownload: '/api/cdrDownload', // 6.2 (GET)
	recordingSegmentDownload: '/api/cdrFragmentDownload', // 6.3 (GET)
	callTranscript: '/api/cdrshow', // 6.4
	customerImportPrivateJson: '/api/addCustomerJson', // 6.7.1 (GET)
	customerImportPublicJson: '/api/addPublicCustomerJson', // 6.7.2 (GET)
	customerImportPrivateExcel: '/api/addCustomerJson', // 6.7.3: the documented path (shown as GET), sent as multipart POST; UNVERIFIED
	customerImportPublicExcel: '/api/importPublicCustomerExcle', // 6.7.4 (sic)
	customerList: '/api/customerList', // 6.7.5 (GET)
	customerDeletePublic: '/api/deleteOpen', // 6.7.6 (GET)
	customerGiveUp: '/api/giveUp', // 6.7.7 (GET)
	customerShare: '/api/updateFollowUser', // 6.7.9 (GET)
	scriptList: '/api/templatelist', // 7.1
	scriptGet: '/api/templatedata', // 7.2
	scriptOptions: '/api/getProjects', // 7.8
	dndList: '/api/BlackListListsDataapi', // 8.1
	dndDelete: '/api/BlackListDelete', // 8.2
	dndDownload: '/api/downloadBlacklistapi', // 8.3 (GET)
	dndAdd: '/api/importsExcelapi', // 8.4
	callbackSet: '/api/setCallback', // 9.1
} as const;

export type Endpoint = (typeof ENDPOINTS)[keyof typeof ENDPOINTS];

/**
 * Paths (or methods) no live tenant has confirmed (docs/usage.md, "Unverified paths"): 2.3.4 prints the list
 * path of 2.3.1 as the delete's, so the delete is confirmed from the list; 6.7.3 gives
 * `/api/addCustomerJson` for the Excel form too, shown as GET, although a file needs a multipart POST. An answer saying such a
 * path does not exist (HTTP 404 or a not-found page) fails with an error that says so.
 */
export const UNVERIFIED_ENDPOINTS: readonly string[] = [ENDPOINTS.skillGroupDelete, ENDPOINTS.customerImportPrivateExcel];

export const LIMITS = {
	rowsPerImport: 30000, // 30005
	pendingCalls: 300000, // 30004
	taskCreationsPerDay: 100, // the 101st creation of a day is refused with code 500 and a message (no code is documented)
	maxPageSize: 5000, // the largest page public clients use against crmList; ASSUMED for every list
} as const;

/**
 * Lost answers (a reset, timeout or broken answer after the server may have applied a write), ASSUMED
 * where the vendor is silent: these writes set values (2.1.4, 2.3.3, 3.4, 4.4, 9.1) or add numbers the
 * platform de-duplicates (8.4, counted as `repeat`), so sending one twice changes nothing more and the
 * transport sends it once more. Creations and deletions are looked up instead (2.1.1 by `user_name`,
 * 3.2 by name, 5.1 by task status, 8.1 by number or id); anything else fails with a clear error, unsent.
 */
export const RESEND_SAFE_ENDPOINTS: readonly string[] = [
	ENDPOINTS.subAccountUpdate,
	ENDPOINTS.skillGroupUpdate,
	ENDPOINTS.roleUpdate,
	ENDPOINTS.callTimeSet,
	ENDPOINTS.dndAdd,
	ENDPOINTS.callbackSet,
];
