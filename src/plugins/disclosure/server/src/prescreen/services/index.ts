import fileText from './file-text';
import prescreen from './prescreen';
import sensitiveWords from './sensitive-words';

export const services = {
  'file-text': fileText,
  prescreen,
  'sensitive-words': sensitiveWords,
};
