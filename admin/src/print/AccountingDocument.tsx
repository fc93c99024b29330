import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { PRINTABLE_CLASS } from './classes';

/** One "Label: value" line of a document. */
export interface DocumentRow {
  label: string;
  value: ReactNode;
  testId?: string;
}

/** One signature block: who signs, the hint under it ("(Ký, họ tên)"), and the name if known. */
export interface DocumentSignature {
  title: string;
  hint: string;
  name?: string | null;
}

const Line = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <Typography component="p" sx={{ my: 0.75 }} data-testid={testId}>
    <Box component="span" sx={{ mr: 1 }}>
      {label}:
    </Box>
    <Box component="span" sx={{ fontWeight: 500 }}>
      {children}
    </Box>
  </Typography>
);

/** Lines, skipping those left out (`false`, `null`: e.g. an address not known). */
export type DocumentRows = (DocumentRow | false | '' | null | undefined)[];

const Rows = ({ rows }: { rows: DocumentRows }) => (
  <>
    {rows.filter((row): row is DocumentRow => Boolean(row)).map((row) => (
      <Line key={row.label} label={row.label} testId={row.testId}>
        {row.value}
      </Line>
    ))}
  </>
);

const Signature = ({ title, hint, name }: DocumentSignature) => (
  <Box sx={{ textAlign: 'center', flex: 1, minWidth: 0 }}>
    <Typography sx={{ fontWeight: 700, fontSize: '0.9rem' }}>{title}</Typography>
    <Typography sx={{ fontStyle: 'italic', fontSize: '0.8rem' }}>{hint}</Typography>
    {/* Room for the signature. */}
    <Box sx={{ height: 72 }} />
    <Typography sx={{ fontWeight: 500, fontSize: '0.9rem', minHeight: '1.5em' }}>{name ?? ''}</Typography>
  </Box>
);

/**
 * A stamp across the document ("ĐÃ HUỶ", "CHƯA CHI"): its word, large, and smaller lines under it
 * (when, why, the status).
 */
export const DocumentStamp = ({
  testId,
  label,
  color,
  children,
}: {
  testId: string;
  label: string;
  color: 'error' | 'warning';
  children?: ReactNode;
}) => (
  <Box
    role="note"
    data-testid={testId}
    sx={{
      position: 'absolute',
      top: 120,
      right: 48,
      transform: 'rotate(-12deg)',
      border: '4px double',
      borderColor: `${color}.main`,
      color: color === 'error' ? 'error.main' : 'warning.dark',
      px: 3,
      py: 1,
      textAlign: 'center',
      bgcolor: 'rgba(255,255,255,0.85)',
      maxWidth: 320,
    }}
  >
    <Typography sx={{ fontSize: '2.25rem', fontWeight: 800, letterSpacing: 4, lineHeight: 1.2 }}>{label}</Typography>
    {children}
  </Box>
);

/** A smaller line under a stamp's word. */
export const StampLine = ({ children, small }: { children: ReactNode; small?: boolean }) => (
  <Typography sx={{ fontSize: small ? '0.8rem' : '0.85rem' }}>{children}</Typography>
);

export interface AccountingDocumentProps {
  /** The document's own class (besides {@link PRINTABLE_CLASS}, which the print stylesheet keeps on paper). */
  className?: string;
  /** `receipt`, `voucher`…: the document's test id, and the prefix of `-number`, `-amount`, `-words`. */
  testId: string;
  /** "PHIẾU THU", "PHIẾU CHI". */
  title: string;
  /** The form's legal note ("Mẫu số …"), at the top right, if any. */
  legalNote?: ReactNode;
  fundName?: string;
  unitName?: string;
  /** The document's number, or what stands for it (e.g. "CHƯA CHI"). */
  number: string;
  /** The document's date as printed, also the signing date. */
  date: string;
  /** The lines before the amount (who, address, why…). */
  rows: DocumentRows;
  /** The amount's label ("Số tiền", "Trị giá"), the amount formatted, and in words. */
  amountLabel: string;
  amount: string;
  amountInWords: ReactNode;
  /** The lines after the amount in words (attached documents…). */
  rowsAfter?: DocumentRows;
  /** The signatures, left to right. */
  signatures: DocumentSignature[];
  /** A stamp across the document ({@link DocumentStamp}), if any. */
  stamp?: ReactNode;
}

/**
 * An accounting document (phiếu thu, phiếu chi) as it is printed and signed: the unit and fund, the
 * form's legal note, the number, the title and date, the lines, the amount in figures and in words,
 * the signing date and the signatures, and a stamp if any. Also what the screen shows.
 */
export const AccountingDocument = ({
  className,
  testId,
  title,
  legalNote,
  fundName,
  unitName,
  number,
  date,
  rows,
  amountLabel,
  amount,
  amountInWords,
  rowsAfter = [],
  signatures,
  stamp,
}: AccountingDocumentProps) => {
  const translate = useTranslate();
  return (
    <Box
      className={className ? `${PRINTABLE_CLASS} ${className}` : PRINTABLE_CLASS}
      component="article"
      aria-label={`${title} ${number}`}
      data-testid={testId}
      sx={{ position: 'relative', p: { xs: 2, sm: 4 }, maxWidth: 880, mx: 'auto', color: 'text.primary', fontFamily: '"Times New Roman", Times, serif', '& .MuiTypography-root': { fontFamily: 'inherit' } }}
    >
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 2 }}>
        <Box>
          <Typography sx={{ fontWeight: 700 }}>
            {translate('soquy.receipt.unit')}: {unitName ?? ''}
          </Typography>
          <Typography sx={{ fontWeight: 700 }}>
            {translate('soquy.receipt.fund')}: {fundName ?? ''}
          </Typography>
        </Box>
        <Box sx={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
          {legalNote && <Typography sx={{ fontSize: '0.8rem', fontStyle: 'italic' }}>{legalNote}</Typography>}
          <Typography>
            {translate('soquy.receipt.number')}: <strong data-testid={`${testId}-number`}>{number}</strong>
          </Typography>
        </Box>
      </Box>

      <Box sx={{ textAlign: 'center', my: 3 }}>
        <Typography component="h2" sx={{ fontSize: '1.75rem', fontWeight: 800, letterSpacing: 2 }}>
          {title}
        </Typography>
        <Typography sx={{ fontStyle: 'italic' }}>
          {translate('soquy.receipt.date')}: {date}
        </Typography>
      </Box>

      <Rows rows={rows} />
      <Line label={amountLabel} testId={`${testId}-amount`}>
        <Box component="span" sx={{ fontWeight: 700, fontSize: '1.15rem' }}>
          {amount}
        </Box>
      </Line>
      <Line label={translate('soquy.receipt.in_words')} testId={`${testId}-words`}>
        <Box component="span" sx={{ fontStyle: 'italic' }}>
          {amountInWords}
        </Box>
      </Line>
      <Rows rows={rowsAfter} />

      <Typography sx={{ textAlign: 'right', fontStyle: 'italic', mt: 3 }}>{translate('soquy.receipt.signed_on', { date })}</Typography>
      <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
        {signatures.map((signature) => (
          <Signature key={signature.title} {...signature} />
        ))}
      </Box>

      {stamp}
    </Box>
  );
};
