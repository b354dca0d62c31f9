// Booting Strapi takes seconds and PostgreSQL databases are created per file.
jest.setTimeout(120000);
