import { Grid } from '@strapi/design-system';
import { useLabel } from '../../kernel/useLabel';
import { Facts, Section } from '../../kernel/components/Section';
import type { RequestDetail } from '../../../../shared/requests/contracts';

/** 申请人 and 所需信息: the application as received (personal data as the server returns it). */
export const ApplicationSections = ({ request }: { request: RequestDetail }) => {
  const label = useLabel();
  const coded = (prefix: string, value: string | null | undefined) =>
    value ? label(`${prefix}.${value}`, value) : null;
  return (
    <Grid.Root gap={4}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Section title={label('request.applicant', 'Applicant')} testId="request-applicant">
          <Facts
            facts={[
              [
                label('request.applicantType', 'Applicant type'),
                coded('applicantType', request.applicantType),
              ],
              [label('request.name', 'Name'), request.name],
              [label('request.contactPerson', 'Contact person'), request.contactPerson],
              [label('request.idType', 'Identity document'), coded('idType', request.idType)],
              [label('request.idNumber', 'Document number'), request.idNumber],
              [label('request.phone', 'Phone'), request.phone],
              [label('request.email', 'E-mail'), request.email],
              [label('request.address', 'Address'), request.address],
              [label('request.postcode', 'Postcode'), request.postcode],
              [label('request.channel', 'Received via'), coded('channel', request.channel)],
              [label('request.receivedOn', 'Received on'), request.receivedOn],
              [
                label('request.monthlyRank', 'This month'),
                request.monthlyRank
                  ? label('request.monthlyRank.value', 'No. {rank} (fee by count: {fee} yuan)', {
                      rank: request.monthlyRank,
                      fee: request.feeByCount,
                    })
                  : null,
              ],
            ]}
          />
        </Section>
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Section
          title={label('request.information', 'Information requested')}
          testId="request-information"
        >
          <Facts
            facts={[
              [label('request.title', 'Title'), request.title],
              [label('request.docNumber', 'Document number (文号)'), request.docNumber],
              [label('request.description', 'Description'), request.description],
              [label('request.form', 'Form'), coded('form', request.form)],
              [label('request.delivery', 'Delivery'), coded('delivery', request.delivery)],
              [label('request.division', 'Handling division'), request.division],
              ...(request.likelyDuplicateOf
                ? ([
                    [label('requests.duplicate', 'Possible duplicate'), request.likelyDuplicateOf],
                  ] as Array<[string, string]>)
                : []),
            ]}
          />
        </Section>
      </Grid.Item>
    </Grid.Root>
  );
};
