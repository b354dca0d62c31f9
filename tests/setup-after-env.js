// Booting Strapi takes seconds, PostgreSQL databases are created per file, and the first boot
// of a run with the demo seeds the source year (a minute or two on a busy machine).
jest.setTimeout(300000);
