/**
 * Who complained. Confidential: everyone sees the name and phone masked; the roles that verify may
 * ask for them in full (查看完整信息), which the API records in the audit log, as the card says
 * before and after. 匿名 when the citizen gave neither.
 */
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { useCanAccess, useTranslate } from 'react-admin';
import { Fact, Facts } from '../inspections/Fact.tsx';
import { MaskedContact } from './MaskedContact.tsx';
import type { Complaint, ComplaintContact } from './types.ts';
import { useComplaintContact } from './useComplaintContact.ts';

function FullContact({ contact }: { contact: ComplaintContact }) {
  const translate = useTranslate();
  const none = translate('app.none');
  return (
    <Facts>
      <Fact label={translate('resources.complaints.fields.contactName')}>{contact.name ?? none}</Fact>
      <Fact label={translate('resources.complaints.fields.contactPhone')}>{contact.phone ?? none}</Fact>
    </Facts>
  );
}

export function Complainant({ record }: { record: Complaint }) {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'complaints', action: 'readPersonal', record });
  const { contact, reveal, busy } = useComplaintContact(record.id);
  const anonymous = !record.contact.name && !record.contact.phone;
  return (
    <Card component="section" aria-labelledby="complaint-contact">
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Typography id="complaint-contact" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('resources.complaints.sections.contact')}
        </Typography>
        {contact ? (
          <Box data-testid="contact-full">
            <FullContact contact={contact} />
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
              {translate('resources.complaints.personal.recorded')}
            </Typography>
          </Box>
        ) : (
          <>
            <MaskedContact contact={record.contact} />
            {canAccess && !anonymous && (
              <Box sx={{ mt: 1 }}>
                <Button size="small" variant="outlined" startIcon={<VisibilityIcon />} onClick={() => void reveal()} disabled={busy}>
                  {translate('resources.complaints.actions.showPersonal')}
                </Button>
                <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
                  {translate('resources.complaints.personal.note')}
                </Typography>
              </Box>
            )}
          </>
        )}
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          {translate('resources.complaints.personal.confidential')}
        </Typography>
      </CardContent>
    </Card>
  );
}
