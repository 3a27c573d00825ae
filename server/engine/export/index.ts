/** Accessible exports of a plan: PDF, self-contained HTML, and the HTML preview for an editor webview. */
export { exportPdf, type PdfExportOptions } from './pdf.js';
export { exportHtml, previewHtml, exportTitle, type HtmlExportOptions, type PreviewHtmlOptions } from './html.js';
export {
  costingAnnexModel,
  formatPence,
  type CostingSummary,
  type CostingSummaryRow,
  type CostingPayer,
  type CostingSection,
} from './costing.js';
export { costingForExport, costingSummaryFrom, type CostingForExport } from './costing-source.js';
export { FONT_FILES, FONT_FAMILY, FONT_PACKAGE, loadFonts } from './fonts.js';
export { exportFileName } from './names.js';
