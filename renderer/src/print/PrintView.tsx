import type { CSSProperties } from 'react';
import type { PrintSpec } from './model';
import { pageCss } from './page-setup';
import { fontStack } from './texts';
import './print.css';

/**
 * A document as paper: on screen each sheet is a white page of the paper's size on grey,
 * with the mark and the footer where the printer puts them; in print the sheets lose their
 * frame and the page's margin boxes (pageCss) carry the mark, the seal and the page numbers
 * on every page.
 */
export function PrintView({ spec }: { spec: PrintSpec }) {
  const { box, frame, theme } = spec;
  const vars = {
    '--pp-font': fontStack(theme.font),
    '--pp-body': `${theme.body}pt`,
    '--pp-table': `${theme.table}pt`,
    '--pp-head': `${theme.head}pt`,
    '--pp-small': `${theme.small}pt`,
    '--pp-page-w': `${box.width}mm`,
    '--pp-page-h': `${box.height}mm`,
    '--pp-m-top': `${box.margin.top}mm`,
    '--pp-m-right': `${box.margin.right}mm`,
    '--pp-m-bottom': `${box.margin.bottom}mm`,
    '--pp-m-left': `${box.margin.left}mm`,
    '--pp-m-header': `${box.margin.header}mm`,
    '--pp-m-footer': `${box.margin.footer}mm`,
  } as CSSProperties;
  const seal = frame.footer.kind === 'seal' ? frame.footer : null;
  return (
    <div className={`pp-doc pp-${box.orientation}`} style={vars} data-kind={spec.kind} data-state={spec.state ?? undefined}>
      <style>{pageCss(box, frame, theme)}</style>
      {frame.mark && (
        // A faint diagonal word behind every printed page: fixed elements repeat on each page,
        // so even a browser that ignores the margin boxes cannot print a Konsep that looks final.
        <div className="pp-watermark" aria-hidden="true">
          {frame.mark.split(' ')[0]}
        </div>
      )}
      {spec.sheets.map((sheet, i) => (
        <section className="pp-sheet" key={i} data-sheet={i + 1} aria-label={`${spec.title}, lembar ${i + 1}`}>
          {frame.mark && (
            <div className="pp-screen-mark" data-testid="tanda-konsep">
              {frame.mark}
            </div>
          )}
          <div className="pp-content">{sheet}</div>
          {/* Page numbers are the printer's: on screen a long list is one continuous sheet. */}
          <footer className="pp-screen-footer">
            {seal ? (
              <div className="pp-seal" data-testid="segel">
                <img src={seal.qrDataUrl} alt={`Kode QR sidik dokumen ${seal.short}`} className="pp-seal-qr" />
                <div className="pp-seal-text">
                  <div>
                    Sidik dokumen: <b data-testid="sidik-dokumen">{seal.short}</b>
                  </div>
                  <div>{seal.caption}</div>
                </div>
              </div>
            ) : null}
          </footer>
        </section>
      ))}
    </div>
  );
}
