import type { Core } from '@strapi/strapi';
import { getService } from '../get-service';
import { metadataComponent, type DisclosureConfig } from '../kernel/config';
import { PLUGIN_ID, UID } from '../kernel/constants';
import type { DisclosureModule } from '../kernel/module';
import { scopeContentManagerByDocument } from './content-manager-scope';
import { contentTypes } from './content-types';
import { controllers } from './controllers';
import { guardPublishedFiles } from './published-files';
import { adminRoutes } from './routes';
import { services } from './services';
import { createPublishGate } from './publish-gate';
import { reviewsProvider } from './statistics-provider';

/** Publishing review (发布审核) and confidentiality approval (保密审查), the gate, 索引号. */
export const review: DisclosureModule = {
  name: 'review',
  // Where the module keeps admin-user ids (the kernel reconciles them after an import).
  staffReferences: [
    {
      kind: 'column',
      uid: UID.review,
      id: 'submittedById',
      email: 'submittedByEmail',
      label: '审核记录 (review)',
    },
    {
      kind: 'column',
      uid: UID.review,
      id: 'divisionApprovedById',
      email: 'divisionApprovedByEmail',
      label: '审核记录 (review)',
    },
    {
      kind: 'column',
      uid: UID.review,
      id: 'clearedById',
      email: 'clearedByEmail',
      label: '审核记录 (review)',
    },
  ],
  contentTypes,
  services,
  controllers,
  routes: { admin: adminRoutes },
  register(strapi) {
    // Files of reviewed material stay as reviewed (decision 0018): before the routes are mounted.
    guardPublishedFiles(strapi);
    // Content Manager routes that take a documentId but check only the action (clone …).
    scopeContentManagerByDocument(strapi);
  },
  async bootstrap(strapi) {
    const divisions = getService(strapi, 'item-divisions');
    const staff = getService(strapi, 'staff');
    const { contentTypes: gated } = strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig;
    if (gated.length === 0) {
      strapi.log.warn(
        '[disclosure] no content type is under review: list their UIDs in the plugin setting disclosure.contentTypes'
      );
    }
    // Editors and division reviewers see their own division's items in the Content Manager.
    await strapi.admin.services.permission.conditionProvider.register({
      displayName: 'Same division (本处室)',
      name: 'same-division',
      plugin: PLUGIN_ID,
      async handler(user: { id: number; permission?: { subject?: string | null } }) {
        const division = await staff.divisionOf(user.id);
        if (!division) return true;
        // The division belongs to the document: a language version that carries none of its own
        // (a division exists in Chinese only) is the division's through its document.
        const subject = user.permission?.subject;
        const versions = subject
          ? await divisions.documentsOfDivisionWithoutOwn(subject, division)
          : [];
        return {
          $or: [{ 'department.documentId': division }, { documentId: { $in: versions } }],
        };
      },
    });
    // Review rows of language versions recorded before divisions belonged to the document.
    await divisions.assignDocumentDivisions();
    // The publish gate: no publish path around the review.
    strapi.documents.use(createPublishGate(strapi));
    // The review figures of the yearly statistics.
    getService(strapi, 'statistics').register(reviewsProvider(strapi));
    // 索引号 is shown but not editable in the Content Manager: the gate assigns it.
    await makeIndexNumberReadOnly(strapi);
  },
};

interface FieldMetadata {
  edit: Record<string, unknown>;
  list: Record<string, unknown>;
}

async function makeIndexNumberReadOnly(strapi: Core.Strapi): Promise<void> {
  const components = strapi.plugin('content-manager').service('components');
  const component = components.findComponent(metadataComponent(strapi));
  if (!component) return;
  const {
    uid: _uid,
    category: _category,
    ...configuration
  } = await components.findConfiguration(component);
  const metadatas = configuration.metadatas as Record<string, FieldMetadata> | undefined;
  const field = metadatas?.indexNumber;
  if (!field || field.edit.editable === false) return;
  await components.updateConfiguration(component, {
    ...configuration,
    metadatas: {
      ...metadatas,
      indexNumber: {
        ...field,
        edit: {
          ...field.edit,
          editable: false,
          description: '首次发布时由系统自动生成',
        },
      },
    },
  });
}
