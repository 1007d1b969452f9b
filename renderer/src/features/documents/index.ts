export { DocumentActions, type DocumentActionsProps } from './DocumentActions';
export { VerifyPage, type VerifyPageProps } from './VerifyPage';
export { availableDocuments, type AvailableDocument } from './available';
export { downloadDocx, base64ToBlob, saveBlob } from './download';
export { readQrFromImage, findQr, decodeRaster } from './qr-read';
