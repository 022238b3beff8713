/** 核实: for the roles that verify complaints in this one's region, while it waits for verification. */
import { useState } from 'react';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Button, useCanAccess } from 'react-admin';
import type { Complaint } from './types.ts';
import { VerifyDialog } from './VerifyDialog.tsx';

export function VerifyButton({ record }: { record: Complaint }) {
  const { canAccess } = useCanAccess({ resource: 'complaints', action: 'update', record });
  const [open, setOpen] = useState(false);
  if (!canAccess || record.status !== 'verifying') return null;
  return (
    <>
      <Button label="resources.complaints.actions.verify" variant="contained" onClick={() => setOpen(true)}>
        <FactCheckIcon />
      </Button>
      {open && <VerifyDialog record={record} open={open} onClose={() => setOpen(false)} />}
    </>
  );
}
