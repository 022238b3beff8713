import { Badge, Box } from '@mui/material';

/** A tab's count colour: red for what is late or warned of, grey for what is done. */
export type TabColor = 'primary' | 'error' | 'default';

/**
 * A tab's name and count: a badge on the desktop; on a phone the count follows the name inline, so a
 * tab is no wider than its content and no count is cut off at the tab's edge.
 */
export function TabLabel({ text, count, color, inline }: { text: string; count: number; color: TabColor; inline: boolean }) {
  const grey = { bgcolor: 'grey.300', color: 'text.primary' };
  if (!inline) {
    return (
      <Badge
        badgeContent={count}
        color={color}
        max={999}
        showZero={false}
        sx={{ '& .MuiBadge-badge': { right: -12, ...(color === 'default' ? grey : {}) } }}
      >
        {text}
      </Badge>
    );
  }
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.375 }}>
      {text}
      {count > 0 && (
        <Box
          component="span"
          data-tab-count
          sx={{
            ...(color === 'default' ? grey : { bgcolor: `${color}.main`, color: `${color}.contrastText` }),
            minWidth: 18,
            height: 18,
            px: 0.5,
            borderRadius: 9,
            fontSize: '0.6875rem',
            fontWeight: 500,
            lineHeight: '18px',
            textAlign: 'center',
          }}
        >
          {count > 999 ? '999+' : count}
        </Box>
      )}
    </Box>
  );
}
