import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { Bar, Line } from 'react-chartjs-2';

ChartJS.register(CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Legend);

interface ReportChartProps {
  kind: 'bar' | 'line';
  labels: string[];
  median: Array<number | null>;
  p90: Array<number | null>;
  medianLabel: string;
  p90Label: string;
  /** Text alternative: what the chart shows; the table beside it has the numbers. */
  summary: string;
}

/** Median and p90 per group, in minutes: bars for categories, lines over hours and days. */
export function ReportChart({ kind, labels, median, p90, medianLabel, p90Label, summary }: ReportChartProps) {
  const data = {
    labels,
    datasets: [
      { label: medianLabel, data: median, backgroundColor: '#2f6fde', borderColor: '#2f6fde' },
      { label: p90Label, data: p90, backgroundColor: '#f0a030', borderColor: '#f0a030' },
    ],
  };
  const options = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    scales: { y: { beginAtZero: true } },
  };
  return (
    <div className="reports__chart" data-testid="reports-chart" data-kind={kind}>
      {kind === 'bar' ? (
        <Bar data={data} options={options} role="img" aria-label={summary} />
      ) : (
        <Line data={data} options={options} role="img" aria-label={summary} />
      )}
    </div>
  );
}
