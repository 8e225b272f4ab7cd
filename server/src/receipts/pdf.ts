/**
 * The receipt as a PDF (pdfkit, its standard Helvetica: no font file to
 * ship), following the official models: Cerfa 11580 for a person (CGI art.
 * 200 and 978), Cerfa 16216 for a company (art. 238 bis). Drawn only from the
 * mentions copied at issue time, so the same receipt always prints the same.
 * In French: it is a French tax document, read by the French tax
 * administration.
 */
import PDFDocument from 'pdfkit';
import { euroAmountInFigures, type PaymentMethod, type ReceiptIssuerStatus, type ReceiptMentions } from '@passerelle/schema';

const statusWords: Record<ReceiptIssuerStatus, string> = {
  general_interest: 'Œuvre ou organisme d’intérêt général',
  public_utility: 'Fondation ou association reconnue d’utilité publique',
  higher_education: 'Établissement d’enseignement supérieur ou d’enseignement artistique, public ou privé, d’intérêt général, à but non lucratif',
};
const paymentWords: Record<PaymentMethod, string> = {
  transfer: 'Virement',
  card: 'Carte bancaire',
  cheque: 'Chèque',
  direct_debit: 'Prélèvement',
  cash: 'Remise d’espèces',
};

/** 2026-02-05 → 05/02/2026. */
export const frenchDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const addressLines = (a: ReceiptMentions['donor']['address']) => [a.line1, ...(a.line2 ? [a.line2] : []), `${a.postalCode} ${a.city}`, ...(a.country && a.country !== 'FR' ? [a.country] : [])];

/** The receipt's text, block by block (also what the tests read back from the PDF). */
export function receiptText(m: ReceiptMentions): { title: string[]; sections: { heading: string; lines: string[] }[]; certification: string; signature: string[] } {
  const company = m.model === 'cerfa_16216';
  const title = company
    ? ['Reçu des dons et versements effectués par les entreprises', 'au titre de l’article 238 bis du code général des impôts', 'Modèle Cerfa n° 16216*01']
    : ['Reçu au titre des dons à certains organismes d’intérêt général', 'Articles 200, 238 bis et 978 du code général des impôts', 'Modèle Cerfa n° 11580*05'];
  if (m.yearly) title.push(`Reçu récapitulatif annuel des versements de l’année ${m.giftYear}`);
  title.push(`Numéro d’ordre du reçu : ${m.number}`);
  const i = m.issuer;
  const articles = m.articles.map((a) => `${a} du CGI`).join(', ');
  return {
    title,
    sections: [
      {
        heading: 'Bénéficiaire des versements',
        lines: [
          `Nom ou dénomination : ${i.legalName}`,
          `Adresse : ${addressLines(i.address).join(', ')}`,
          `SIREN : ${i.siren}`,
          `Objet : ${i.object}`,
          `Qualité : ${statusWords[i.status]}`,
        ],
      },
      {
        heading: company ? 'Entreprise donatrice' : 'Donateur',
        lines: [
          `${company ? 'Dénomination' : 'Nom et prénoms'} : ${m.donor.name}`,
          ...(m.donor.siret ? [`SIRET : ${m.donor.siret}`] : []),
          `Adresse : ${addressLines(m.donor.address).join(', ')}`,
        ],
      },
      {
        heading: 'Don',
        lines: [
          `Le bénéficiaire reconnaît avoir reçu au titre des dons et versements ouvrant droit à réduction d’impôt la somme de : ***${euroAmountInFigures(m.amountCents)}***`,
          `Somme en toutes lettres : ${m.amountInWords}`,
          m.yearly
            ? `Date des versements : année ${m.giftYear}, dernier versement reçu le ${frenchDate(m.giftDate)}`
            : `Date du versement ou du don : ${frenchDate(m.giftDate)}`,
          'Forme du don : déclaration de don manuel',
          'Nature du don : numéraire',
          `Mode de versement : ${paymentWords[m.paymentMethod]}`,
        ],
      },
    ],
    certification: `Le bénéficiaire certifie sur l’honneur que les dons et versements qu’il reçoit ouvrent droit à la réduction d’impôt prévue à l’article ${articles}.`,
    signature: [`Fait le ${frenchDate(m.issuedOn)}`, `${i.signatoryName}, ${i.signatoryTitle}`, ...(m.replaces ? [`Ce reçu annule et remplace le reçu n° ${m.replaces}.`] : [])],
  };
}

/** What a cancelled receipt says on top of it. */
export interface Cancellation {
  on: string;
  reason: string;
  replacedBy?: string;
}

/** The PDF of a receipt; `cancelled` stamps it as cancelled (and by which number it was replaced). */
export function renderReceiptPdf(m: ReceiptMentions, cancelled?: Cancellation): Promise<Uint8Array<ArrayBuffer>> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Reçu fiscal ${m.number}`, Author: m.issuer.legalName, CreationDate: new Date(`${m.issuedOn}T12:00:00Z`) } });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const t = receiptText(m);
  if (cancelled) {
    doc.font('Helvetica-Bold').fontSize(12).fillColor('#b00020');
    doc.text(`REÇU ANNULÉ le ${frenchDate(cancelled.on)}${cancelled.replacedBy ? ` — remplacé par le reçu n° ${cancelled.replacedBy}` : ''}. Motif : ${cancelled.reason}`);
    doc.fillColor('black').moveDown();
  }
  doc.font('Helvetica-Bold').fontSize(13);
  t.title.forEach((line, n) => {
    if (n === 1) doc.font('Helvetica').fontSize(10);
    doc.text(line, { align: 'center' });
  });
  for (const s of t.sections) {
    doc.moveDown().font('Helvetica-Bold').fontSize(11).text(s.heading);
    doc.font('Helvetica').fontSize(10);
    for (const line of s.lines) doc.text(line);
  }
  doc.moveDown().font('Helvetica-Bold').fontSize(10).text(t.certification);
  doc.moveDown().font('Helvetica').fontSize(10);
  for (const line of t.signature) doc.text(line);
  doc.end();
  return done;
}
