import type { AthleteProfileView } from "@/lib/profiles/queries";
import { LABELS } from "@/lib/profiles/labels";
import { ageOn, formatDate, todayIn } from "@/lib/dates";

const none = <span className="muted">not recorded</span>;

export function ProfileFacts({ profile }: { profile: AthleteProfileView }) {
  const today = todayIn(profile.timeZone);
  return (
    <dl className="facts">
      <dt>Birth date</dt>
      <dd>
        {profile.birthDate ? `${formatDate(profile.birthDate)} (age ${ageOn(profile.birthDate, today)})` : none}
      </dd>
      <dt>Sex</dt>
      <dd>{LABELS.sex[profile.sex as keyof typeof LABELS.sex] ?? profile.sex}</dd>
      <dt>Height</dt>
      <dd>{profile.heightCm != null ? `${profile.heightCm} cm` : none}</dd>
      <dt>Weight</dt>
      <dd>{profile.weightKg != null ? `${profile.weightKg} kg` : none}</dd>
      <dt>Footprint type</dt>
      <dd>{LABELS.footprintType[profile.footprintType as keyof typeof LABELS.footprintType] ?? profile.footprintType}</dd>
      <dt>Leg-length difference</dt>
      <dd>{profile.legLengthDiscrepancyMm != null ? `${profile.legLengthDiscrepancyMm} mm` : none}</dd>
      <dt>Posture load</dt>
      <dd>
        {profile.postureLoad.length
          ? profile.postureLoad.map((p) => LABELS.postureLoad[p as keyof typeof LABELS.postureLoad] ?? p).join(", ")
          : none}
      </dd>
      <dt>Curvature findings</dt>
      <dd>
        {profile.curvatureFindings.length
          ? profile.curvatureFindings
              .map((c) => LABELS.curvatureFindings[c as keyof typeof LABELS.curvatureFindings] ?? c)
              .join(", ")
          : none}
      </dd>
      <dt>Injury history</dt>
      <dd style={{ whiteSpace: "pre-wrap" }}>{profile.injuryHistory ?? none}</dd>
      <dt>Units</dt>
      <dd>{profile.unitPreference === "MI" ? "miles" : "kilometres"}</dd>
      <dt>Time zone</dt>
      <dd>{profile.timeZone}</dd>
    </dl>
  );
}
