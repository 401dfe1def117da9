export { CREDENTIAL_TYPE, type YunkeContext } from './context';
export { sendOnceMore, yunkeApiRequest, yunkeDownload, type DownloadedFile, type YunkeRequest } from './request';
export { extractList, yunkeApiRequestAllItems, type ListPage, type PagingOptions } from './pagination';
export { vendorError, transportError } from './errors';
