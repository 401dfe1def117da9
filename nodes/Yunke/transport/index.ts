export { CREDENTIAL_TYPE, type YunkeContext } from './context';
export { dataOf } from './dataOf';
export { sendOnceMore, yunkeApiRequest, yunkeDownload, type DownloadedFile, type LostAnswer, type YunkeRequest } from './request';
export { extractList, yunkeApiRequestAllItems, type ListPage, type PagingOptions } from './pagination';
export { answerMayBeLost, vendorError, transportError, type TransportFault } from './errors';
export { creationRange, describeRange, rangeWindows, refusesRange, yunkeApiRequestAllInRange, type CreationRange, type RangeRead } from './dateWindows';
