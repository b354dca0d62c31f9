import { useCallback, useEffect, useState } from 'react';
import { Box, Button, Field, Textarea } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { SensitiveWordsResponse } from '../../../../shared/prescreen/contracts';
import { errorMessage } from '../../kernel/api';
import { useLabel } from '../../kernel/useLabel';

/** 保密预审敏感词: the coordinator edits the pre-screen's word list, one word a line. */
const SensitiveWordsPage = () => {
  const label = useLabel();
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const { data } = await get<SensitiveWordsResponse>('/disclosure/prescreen/sensitive-words');
    setText(data.data.words.join('\n'));
  }, [get]);

  useEffect(() => {
    load().catch((error: unknown) =>
      toggleNotification({ type: 'danger', message: errorMessage(error) })
    );
  }, [load, toggleNotification]);

  const save = async () => {
    setBusy(true);
    try {
      // Blank lines and surrounding spaces are the form's, not words.
      const words = text
        .split('\n')
        .map((word) => word.trim())
        .filter(Boolean);
      await put('/disclosure/prescreen/sensitive-words', { words });
      toggleNotification({ type: 'success', message: label('prescreenWords.saved', 'Saved') });
      await load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{label('prescreenWords.title', 'Sensitive words')}</Page.Title>
      <Layouts.Header
        title={label('prescreenWords.title', 'Sensitive words')}
        subtitle={label('prescreenWords.subtitle', '')}
        primaryAction={
          <Button loading={busy} onClick={save}>
            {label('prescreenWords.save', 'Save')}
          </Button>
        }
      />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
          <Field.Root hint={label('prescreenWords.hint', '')}>
            <Field.Label>{label('prescreenWords.label', 'Words')}</Field.Label>
            <Textarea
              name="sensitive-words"
              value={text}
              onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                setText(event.target.value)
              }
            />
            <Field.Hint />
          </Field.Root>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

export default SensitiveWordsPage;
