// What the company space borrows from the offer form, fetched when first needed (editing or posting an offer,
// or the company typeahead of a request to represent one). Both come from this one module, so that the offer
// form's code stays in the chunk front-office.js already loads: the company space adds no file to it.
import '../offer-form/define.ts';

export { CompanyCombobox, type CompanyOption } from '../offer-form/company-combobox.ts';
