/**
 * The appraisal grades of JGJ 125-2016 (危险房屋鉴定标准) with their Chinese labels: national
 * vocabulary used by the case forms (definitions/) and by the house register (domain/), so it lives
 * here, where both may import it.
 */
export const APPRAISAL_GRADE_LABELS = {
  A: 'A 级（无危险构件）',
  B: 'B 级（个别危险构件）',
  C: 'C 级（局部危房）',
  D: 'D 级（整幢危房）',
} as const;
