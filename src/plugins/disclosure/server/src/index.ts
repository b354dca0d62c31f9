import { config } from './kernel/config';
import { assembleModules } from './kernel/module';
import { consultations } from './consultations';
import { inquiries } from './inquiries';
import { kernel } from './kernel';
import { media } from './media';
import { monitor } from './monitor';
import { prescreen } from './prescreen';
import { proposals } from './proposals';
import { reporting } from './reporting';
import { requests } from './requests';
import { review } from './review';
import { serviceItems } from './service-items';

/** The plugin: its modules, the kernel first. A new module is a folder and one line here. */
export default assembleModules(
  [
    kernel,
    reporting,
    review,
    requests,
    serviceItems,
    proposals,
    inquiries,
    consultations,
    monitor,
    media,
    prescreen,
  ],
  config
);

// The public SDK for the host app rides in the same built file (package export `./sdk`), so the
// host and the plugin share one copy of every module.
export * from './sdk';
