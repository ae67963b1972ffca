import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listOwnShoes } from "@/lib/sessions/queries";
import { formatDistance, thresholdDistance } from "@/lib/units";
import { DEFAULT_THRESHOLDS } from "@/lib/training-load";
import { AddShoeForm, RetireShoeButton } from "./shoe-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shoes");
  return { title: t("title") };
}

// Wear past this distance raises an information flag for the coach.
const SHOE_WEAR_KM = DEFAULT_THRESHOLDS.shoeKm;

export default async function ShoesPage() {
  const viewer = await requireViewer();
  const [shoes, t] = await Promise.all([listOwnShoes(viewer), getTranslations("shoes")]);
  return (
    <div className="narrow">
      <h1>{t("heading")}</h1>
      {shoes.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <ul style={{ listStyle: "none", padding: 0 }}>
          {shoes.map((s) => (
            <li key={s.id} className="card">
              <div className="row shoe-row">
                <div className="shoe-name">
                  <strong>{s.name}</strong> {s.brand ? <span className="muted">{s.brand}</span> : null}
                  <div>
                    {formatDistance(s.km, viewer.unitPreference)}{" "}
                    {s.retired ? <span className="badge">{t("retiredBadge")}</span> : null}
                    {!s.retired && s.km > SHOE_WEAR_KM ? <span className="badge badge-danger">{t("worn", { distance: thresholdDistance(SHOE_WEAR_KM, viewer.unitPreference) })}</span> : null}
                  </div>
                </div>
                <RetireShoeButton shoeId={s.id} retired={s.retired} name={s.name} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <section className="card" aria-labelledby="add-shoe">
        <h2 id="add-shoe" style={{ marginTop: 0 }}>
          {t("addHeading")}
        </h2>
        <AddShoeForm unit={viewer.unitPreference} />
      </section>
    </div>
  );
}
