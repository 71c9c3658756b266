"""Synthetic, valid data at any size: partners with services, professionals, recipes, interventions."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THEMES = [
    "equipement-et-alimentation--alimentation",
    "sante--acces-aux-soins",
    "famille--garde-denfants",
    "logement-hebergement--louer-un-logement",
    "numerique--acceder-a-une-connexion-internet",
]
PUBLICS = ["familles", "seniors", "jeunes", "tous-publics"]
FEES = ["gratuit", "payant", "participation-symbolique"]
RECEPTION = ["en-presentiel", "a-distance"]
# (commune, code postal, code INSEE) of the Cher, so the commune filter has realistic choices
COMMUNES = [
    ("Vierzon", "18100", "18279"),
    ("Bourges", "18000", "18033"),
    ("Mehun-sur-Yèvre", "18500", "18141"),
    ("Saint-Amand-Montrond", "18200", "18197"),
    ("Aubigny-sur-Nère", "18700", "18015"),
    ("Saint-Florent-sur-Cher", "18400", "18207"),
    ("Vignoux-sur-Barangeon", "18500", "18281"),
    ("Graçay", "18310", "18103"),
    ("Lury-sur-Arnon", "18120", "18133"),
    ("Massay", "18120", "18140"),
]


def partner(i: int) -> str:
    services = "".join(
        f"""    - id: structure-{i}--service-{j}
      nom: Service {j} de la structure {i}
      description: Accompagnement et information, sur rendez-vous ou sans rendez-vous.
      types: [accompagnement, information]
      thematiques: [{THEMES[(i + j) % 5]}]
      publics: [{PUBLICS[(i + j) % 4]}]
      frais: [{FEES[(i + j) % 3]}]
      modes_accueil: [{RECEPTION[(i * 2 + j) % 2]}]
      modes_mobilisation: [telephoner, se-presenter]
      mobilisable_par: [usagers, professionnels]
      justificatifs: [Pièce d'identité, Justificatif de domicile]
      orientable: {"true" if j == 0 else "false"}
"""
        for j in range(2)
    )
    hours = "Tu 14:00-17:30; Th 09:00-12:00,14:00-17:30; PH off"
    commune, postcode, insee = COMMUNES[i % len(COMMUNES)]
    return f"""- id: structure-{i}
  nom: Structure numéro {i}
  description: Une structure partenaire du réseau, avec plusieurs services pour les habitants.
  adresse: {{voie: {i % 200 + 1} rue de la République, code_postal: "{postcode}", commune: {commune},
            code_insee: "{insee}", latitude: 47.22, longitude: 2.07}}
  telephone: "02 61 91 {i // 100 % 100:02d} {i % 100:02d}"
  courriel: contact{i}@example.org
  horaires_accueil: "Mo-Fr 08:30-12:00,13:30-17:00; PH off"
  horaires_distribution: "{hours}"
  date_verification: 2026-10-01
  frequence_maj: 12
  services:
{services}"""


def generate(target: Path, partners: int) -> Path:
    if target.exists():
        shutil.rmtree(target)
    (target / "recipes").mkdir(parents=True)
    schema = "# yaml-language-server: $schema=../../../site_build/schemas/{}.schema.json\n"
    (target / "partners.yaml").write_text(schema.format("partners") + "".join(partner(i) for i in range(partners)))
    people = "".join(
        f"""- id: personne-{i}
  nom: Nom{i}
  prenom: Prénom
  fonction: Travailleur social
  partenaire: structure-{i}
  telephones: [{{numero: "06 39 98 {i // 100 % 100:02d} {i % 100:02d}", type: cell}}]
  visibilite: {"public" if i % 4 == 0 else "pro"}
  date_verification: 2026-10-01
"""
        for i in range(0, partners, 2)
    )
    (target / "professionals.yaml").write_text(schema.format("professionals") + people)
    events = "".join(
        f"""- id: intervention-{i}
  titre: Intervention {i}
  intervenant: Infirmière
  partenaire: structure-{i}
  lieu: structure-{i}
  debut: 2026-12-01T14:30
  fin: "16:30"
  recurrence: FREQ=MONTHLY;BYDAY=1TU
"""
        for i in range(0, partners, 10)
    )
    (target / "interventions.yaml").write_text(schema.format("interventions") + events)
    for name in ("besoins.yaml", "urgences.yaml", "libelles.yaml"):  # needs, emergency contacts, everyday labels
        text = (ROOT / "data" / name).read_text(encoding="utf-8").replace("../site_build", "../../../site_build")
        # the synthetic partners are not the sample's: links to sample partners are left out
        text = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("  partenaire:"))
        (target / name).write_text(text, encoding="utf-8")
    for source in (ROOT / "data/recipes").glob("*.yaml"):
        text = source.read_text(encoding="utf-8").replace("../../site_build", "../../../../site_build")
        # Épicé'bon sessions take place at a sample partner: at the first synthetic one here
        text = re.sub(r"\blieu: [a-z0-9-]+", "lieu: structure-0", text)
        (target / "recipes" / source.name).write_text(text, encoding="utf-8")
    return target


if __name__ == "__main__":
    size = int(sys.argv[1])
    print(generate(Path(sys.argv[2]), size))
