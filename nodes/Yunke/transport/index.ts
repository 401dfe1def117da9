export { CREDENTIAL_TYPE, type YunkeContext } from './context';
export { yunkeApiRequest, yunkeApiWrite, yunkeDownload, type DownloadedFile, type LostAnswer, type Reconciled, type YunkeRequest, type YunkeWrite } from './request';
export { listingWaitMs, lostAnswerWaitMs, pollUntil } from './poll';
export { dataOf } from './dataOf';
export { extractList, yunkeApiRequestAllItems, type ListPage, type PagingOptions } from './pagination';
export { answerMayBeLost, vendorError, transportError, type TransportFault } from './errors';
export { creationRange, describeRange, rangeWindows, refusesRange, yunkeApiRequestAllInRange, type CreationRange, type RangeRead } from './dateWindows';
