import { defineRule, missedMonthlyReports, text, type SignOffRule } from '@rectify/core';

/**
 * 每月一报并对账销号: a finding is signed off only when every monthly report due so far
 * has been made. The check uses the core's own analytics, so the rule and the
 * dashboard's "missed monthly reports" can never disagree.
 */
export const monthlyReportsMade: SignOffRule = defineRule({
  code: 'example.monthly_reports_made',
  description: text('每月一报：应报的月度报告均已报送', 'every monthly report due has been made'),
  check: ({ state, inspection, asOf }) =>
    missedMonthlyReports([state], asOf, inspection.workflow.cadence).map((missed) => ({
      code: 'example.monthly_reports_made',
      message: text(`缺少${missed.period}的月度报告（应于${missed.dueOn}前报送）`, `the monthly report for ${missed.period} (due ${missed.dueOn}) is missing`),
    })),
});
