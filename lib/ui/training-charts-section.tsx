import type { TrainingView } from "@/lib/athletes/training";
import { LoadChart, PainChart, SurfaceChart } from "@/lib/ui/charts/training-charts";
import { formatDate } from "@/lib/dates";

export function TrainingCharts({ training, unit }: { training: TrainingView; unit: "KM" | "MI" }) {
  return (
    <section aria-labelledby="charts-heading">
      <h2 id="charts-heading">
        Load and back health, {formatDate(training.from)} – {formatDate(training.asOf)}
      </h2>
      <LoadChart data={training.load} />
      <SurfaceChart data={training.weeklySurfaceKm} surfaces={training.surfaces} unit={unit} />
      <PainChart data={training.pain} />
    </section>
  );
}
