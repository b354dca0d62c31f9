import { config } from './kernel/config';
import { assembleModules } from './kernel/module';
import { kernel } from './kernel';
import { reporting } from './reporting';
import { requests } from './requests';
import { review } from './review';

/** The plugin: its modules, the kernel first. A new module is a folder and one line here. */
export default assembleModules([kernel, reporting, review, requests], config);

// The public SDK for the host app rides in the same built file (package export `./sdk`), so the
// host and the plugin share one copy of every module.
export * from './sdk';
