import type { DisclosureModule } from '../kernel/module';
import { cleanImagesOnUpload } from './clean-images';

/** The media library: images are stored without their metadata (EXIF, GPS, XMP), upright. */
export const media: DisclosureModule = {
  name: 'media',
  register(strapi) {
    cleanImagesOnUpload(strapi);
  },
};
