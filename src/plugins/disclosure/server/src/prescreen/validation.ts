/**
 * What the pre-screen's routes accept: yup schemas (strict, unknown keys refused by name); a
 * refusal is a 400 naming the field (`details.key`), and nothing is stored.
 */
import { yup } from '@strapi/utils';
import { objectOf, queryOf, validateKeyed } from '../kernel/validation';

const body = <S extends Record<string, yup.AnySchema>>(shape: S) =>
  objectOf(
    shape,
    (key, known) =>
      `Unknown field "${key}": this endpoint accepts ${known.map((name) => `"${name}"`).join(', ')}.`
  ).strict();

/** The longest sensitive word and the most words the list holds. */
export const MAX_WORD_LENGTH = 50;
export const MAX_WORDS = 500;

/** PUT /disclosure/prescreen/sensitive-words: { words: [...] }, each a trimmed, non-empty word. */
export const validateSensitiveWords = validateKeyed(
  body({
    words: yup
      .array()
      .of(
        yup
          .string()
          .strict()
          .required('words: a word cannot be empty')
          .trim('words: a word has no leading or trailing spaces')
          .max(MAX_WORD_LENGTH, `words: a word has at most ${MAX_WORD_LENGTH} characters`)
      )
      .required('words is required: the full list of sensitive words')
      .max(MAX_WORDS, `words: at most ${MAX_WORDS} words`)
      .test(
        'unique',
        'words: each word once',
        (words = []) => new Set(words).size === words.length
      ),
  })
);

/** POST /disclosure/prescreen/findings/:id/confirm: { note? } */
export const validateConfirmation = validateKeyed(
  body({ note: yup.string().max(500, 'note: at most 500 characters') })
);

/** GET /disclosure/prescreen/:contentType/:documentId?locale= */
export const validateFindingsQuery = validateKeyed(
  queryOf({ locale: yup.string().max(16).required('locale is required') })
);

/** The id in /findings/:id. */
export const validateFindingId = validateKeyed(
  yup.object({ id: yup.number().integer().positive().required() })
);
