import { expect } from '@open-wc/testing';
import { FieldRegistry } from './field-registry.ts';

/** A registry whose host drew these fields in its last complete render. */
function drawn(initial: Record<string, unknown>, ...specs: Parameters<FieldRegistry['draw']>[0][]): FieldRegistry {
  const fields = new FieldRegistry();
  fields.reset(initial);
  fields.hostUpdate();
  for (const spec of specs) fields.draw(spec);
  fields.hostUpdated();
  return fields;
}

describe('FieldRegistry', () => {
  it('gives the body nested, with each field’s empty applied', () => {
    const fields = drawn(
      { career: { jobTitle: 'Ingénieure' }, phone: '', note: '' },
      { name: 'career.jobTitle', label: 'Job' },
      { name: 'phone', label: 'Phone', empty: 'null' },
      { name: 'note', label: 'Note', empty: 'omit' },
      { name: 'agree', label: 'Agree', type: 'checkbox' },
    );
    expect(fields.data()).to.deep.equal({ career: { jobTitle: 'Ingénieure' }, phone: null, agree: false });
  });

  it('leaves out a field no longer drawn, keeps its value for when it comes back, and always sends values never drawn', () => {
    const fields = drawn({ kind: 'person', fullName: 'Marc' }, { name: 'fullName', label: 'Name' });
    fields.values.set('kind', 'company');
    fields.hostUpdate();
    fields.draw({ name: 'companyId', label: 'Company' });
    fields.hostUpdated();
    expect(fields.applies('fullName')).to.equal(false);
    expect(fields.data()).to.deep.equal({ kind: 'company', companyId: '' });
    fields.hostUpdate();
    fields.draw({ name: 'fullName', label: 'Name' });
    fields.hostUpdated();
    expect(fields.data()).to.deep.equal({ kind: 'company', fullName: 'Marc' });
  });

  it('in the middle of a render, counts the fields of the last complete one not drawn yet', () => {
    const fields = drawn({ a: 'x', b: 'y' }, { name: 'a', label: 'A' }, { name: 'b', label: 'B' });
    fields.hostUpdate();
    fields.draw({ name: 'a', label: 'A' });
    expect(fields.data()).to.deep.equal({ a: 'x', b: 'y' });
    expect(fields.drawnNow('b')).to.equal(undefined);
    expect(fields.isField('b')).to.equal(true);
  });
});
