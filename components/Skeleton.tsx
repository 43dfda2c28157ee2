/** Placeholder while the report loads: fixed-height bars shaped like ArticleSummary (no layout jump). */
export function Skeleton() {
  return (
    <div class="skeleton" aria-hidden="true" data-testid="skeleton">
      <div class="skeleton__bar skeleton__bar--verdict" />
      <div class="skeleton__bar skeleton__bar--headline" />
      <div class="skeleton__bar skeleton__bar--headline skeleton__bar--short" />
      <div class="skeleton__bar skeleton__bar--meta" />
      <div class="skeleton__bar skeleton__bar--meta skeleton__bar--short" />
      <div class="skeleton__card" />
      <div class="skeleton__card" />
    </div>
  );
}
