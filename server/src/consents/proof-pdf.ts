/**
 * The proof of a consent as a PDF, in the reader's language: the same facts as
 * the JSON proof (`proof.ts`), laid out for an auditor with pdfkit's standard
 * fonts (nothing is fetched, no font file is shipped).
 */
import PDFDocument from 'pdfkit';
import type { ConsentProof, ConsentRecordEvent } from '@passerelle/schema';
import { consentProofWords, type ConsentProofWords } from '@passerelle/schema/messages/staff';
import type { Language } from '@passerelle/schema/messages';

const MARGIN = 56;
const GREY = '#555555';

/** A time as the proof writes it: the ISO instant, in UTC, to the second (what the register holds, unrounded in the JSON). */
const utc = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

/** Renders the proof; resolves with the whole file. */
export function consentProofPdf(proof: ConsentProof, language: Language): Promise<Buffer> {
  const w = consentProofWords[language];
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: language,
    info: {
      Title: `${w.title} — ${proof.event.purposeKey} — ${proof.event.id}`,
      Author: proof.institution.name,
      Subject: w.title,
      Creator: 'Passerelle',
      CreationDate: new Date(proof.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  write(doc, proof, w, language);
  // Page numbers, once every page exists.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('Helvetica').fontSize(8).fillColor(GREY).text(w.page(i + 1, range.count), MARGIN, doc.page.height - MARGIN + 16, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}

function write(doc: PDFKit.PDFDocument, proof: ConsentProof, w: ConsentProofWords, language: Language): void {
  const { event } = proof;
  const heading = (text: string) => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor('black').text(text);
    doc.moveDown(0.3);
  };
  const field = (label: string, value: string, note?: string) => {
    doc.font('Helvetica-Bold').fontSize(9.5).fillColor('black').text(`${label}${language === 'fr' ? ' : ' : ': '}`, { continued: true });
    doc.font('Helvetica').text(value, { continued: note !== undefined });
    if (note !== undefined) doc.fillColor(GREY).text(` (${note})`);
  };

  doc.font('Helvetica-Bold').fontSize(18).fillColor('black').text(w.title);
  doc.moveDown(0.3).font('Helvetica').fontSize(10).text(proof.institution.name);
  doc.moveDown(0.5).fontSize(9).fillColor(GREY).text(w.intro(proof.institution.name));
  doc.text(w.generated(utc(proof.generatedAt), proof.generatedBy.displayName ?? proof.generatedBy.personId));

  heading(w.person);
  field(w.personId, proof.person.id);
  if (proof.person.displayName) field(w.name, proof.person.displayName);
  field(w.email, proof.person.email ?? w.none);

  heading(w.event);
  field(w.eventId, `${event.id} (#${event.seq})`);
  field(w.purpose, event.purposeKey);
  field(w.channel, w.channelNames[event.channel]);
  field(w.choice, event.granted ? w.granted : w.refused);
  field(w.at, utc(event.at), event.at);
  field(w.checkedOrigin, event.origin.checked ?? w.noOrigin);
  field(w.claimedPage, event.origin.claimedPage ?? w.none, w.claimed);
  field(w.component, event.origin.component ?? w.none, w.claimed);
  field(w.actor, actorOf(event, w));

  heading(w.text);
  doc.font('Helvetica').fontSize(9).fillColor(GREY).text(w.textIntro);
  doc.moveDown(0.3);
  field(w.versionHash, event.version.hash);
  field(w.versionDate, utc(event.version.createdAt));
  field(w.legalBasis, w.basis[event.version.legalBasis]);
  field(w.channels, event.version.channels.map((c) => w.channelNames[c]).join(', '));
  for (const lang of ['fr', 'en'] as const) {
    doc.moveDown(0.4);
    field(w.titleIn(lang), event.version.title[lang]);
    doc.font('Helvetica-Bold').fontSize(9.5).fillColor('black').text(w.descriptionIn(lang));
    doc.font('Helvetica').fontSize(9.5).text(event.version.description[lang], { indent: 12 });
  }

  heading(w.integrity);
  doc.font('Helvetica').fontSize(9.5).fillColor(proof.integrity.matches ? 'black' : '#b00020');
  doc.text(proof.integrity.matches ? w.integrityOk(proof.integrity.recordedHash) : w.integrityBroken(proof.integrity.recordedHash, proof.integrity.recomputedHash));

  heading(w.status);
  doc.font('Helvetica').fontSize(9.5).fillColor('black').text(w.statuses[proof.status]);
  if ((proof.status === 'inForce' || proof.status === 'renewalNeeded') && proof.current.expiresAt) doc.text(w.expiresAt(utc(proof.current.expiresAt)));

  heading(w.later);
  if (proof.later.length === 0) doc.font('Helvetica').fontSize(9.5).text(w.noLater);
  for (const e of proof.later) doc.font('Helvetica').fontSize(9.5).text(`${w.laterLine(utc(e.at), e.granted, e.version.hash)} — ${actorOf(e, w)}`);
}

function actorOf(event: ConsentRecordEvent, w: ConsentProofWords): string {
  if (event.actor.kind === 'self') return w.self;
  return `${w.staff(event.actor.reason)} — ${event.actor.displayName ?? event.actor.personId}`;
}
