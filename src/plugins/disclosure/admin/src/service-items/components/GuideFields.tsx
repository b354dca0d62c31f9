import { Box, Grid } from '@strapi/design-system';
import { GUIDE_FIELDS } from '../../../../shared/service-items/catalogue';
import { ChoiceField, TextAreaField, TextField } from './fields';
import { ITEM_TYPE_OPTIONS, ONLINE_DEPTH_OPTIONS } from './labels';

/** The guide's fields as text (the editor's form). */
export type GuideForm = Record<string, string>;

const TEXT_FIELDS = [
  'legalBasis',
  'conditions',
  'materials',
  'location',
  'hours',
  'process',
  'fees',
] as const;

/** The 办事指南's fields, each showing the server's refusal when it names that field. */
export const GuideFields = ({
  form,
  set,
  errorOf,
  divisions,
}: {
  form: GuideForm;
  set: (key: string) => (value: string) => void;
  errorOf: (key: string) => string | null;
  divisions: Array<{ documentId: string; name: string }>;
}) => (
  <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
    <Grid.Root gap={4}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <TextField
          name="name"
          required
          label={GUIDE_FIELDS.name}
          value={form.name}
          error={errorOf('name')}
          onChange={set('name')}
        />
      </Grid.Item>
      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
        <ChoiceField
          name="itemType"
          required
          label={GUIDE_FIELDS.itemType}
          options={ITEM_TYPE_OPTIONS}
          value={form.itemType}
          error={errorOf('itemType')}
          onChange={set('itemType')}
        />
      </Grid.Item>
      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
        <ChoiceField
          name="division"
          label={GUIDE_FIELDS.division}
          options={[
            ['', '—'],
            ...divisions.map((entry): [string, string] => [entry.documentId, entry.name]),
          ]}
          value={form.division}
          error={errorOf('division')}
          onChange={set('division')}
        />
      </Grid.Item>
      {TEXT_FIELDS.map((field) => (
        <Grid.Item key={field} col={6} s={12} direction="column" alignItems="stretch">
          <TextAreaField
            name={field}
            required={field !== 'fees'}
            label={GUIDE_FIELDS[field]}
            value={form[field]}
            error={errorOf(field)}
            onChange={set(field)}
          />
        </Grid.Item>
      ))}
      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
        <TextField
          name="phone"
          required
          label={GUIDE_FIELDS.phone}
          value={form.phone}
          error={errorOf('phone')}
          onChange={set('phone')}
        />
      </Grid.Item>
      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
        <TextField
          name="legalDays"
          type="number"
          label={`${GUIDE_FIELDS.legalDays}（工作日）`}
          value={form.legalDays}
          error={errorOf('legalDays')}
          onChange={set('legalDays')}
        />
      </Grid.Item>
      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
        <TextField
          name="promisedDays"
          type="number"
          label={`${GUIDE_FIELDS.promisedDays}（工作日）`}
          value={form.promisedDays}
          error={errorOf('promisedDays')}
          onChange={set('promisedDays')}
        />
      </Grid.Item>
      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
        <ChoiceField
          name="onlineDepth"
          label={GUIDE_FIELDS.onlineDepth}
          options={[['', '—'], ...ONLINE_DEPTH_OPTIONS]}
          value={form.onlineDepth}
          error={errorOf('onlineDepth')}
          onChange={set('onlineDepth')}
        />
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <TextField
          name="onlineUrl"
          label={GUIDE_FIELDS.onlineUrl}
          value={form.onlineUrl}
          error={errorOf('onlineUrl')}
          onChange={set('onlineUrl')}
        />
      </Grid.Item>
    </Grid.Root>
  </Box>
);
