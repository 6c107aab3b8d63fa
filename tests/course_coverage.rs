//! Coverage of the built-in "Networking in AKS" course against its seed (issue 3, "How it is checked"):
//! every topic, every row of every seed table, every seed command and manifest, the interview and quiz
//! counts, and the corrected numbers pinned, so a later edit cannot quietly bring back the seed's errors.

use std::collections::HashSet;

use aks_tutor::content::markdown::{Block, Callout, Cell, Table, plain_text};
use aks_tutor::content::{self, Course, EmbeddedCourse, LabKind, Lesson, Level, QuestionKind};

fn course() -> Course {
    content::load(&EmbeddedCourse).unwrap_or_else(|problems| panic!("{problems}"))
}

/// Joins shell line continuations and collapses whitespace, so a command wrapped over several lines
/// in a lab, or YAML whose indentation the seed lost, compares equal to the seed's text.
fn normalise(text: &str) -> String {
    text.replace("\\\n", " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A piece of lesson text read as one statement: a heading, paragraph, code block or table row
/// (cells joined with " | "), and whether it sits inside a `**Correction:**` callout.
struct Passage {
    text: String,
    in_correction: bool,
}

fn collect_passages(blocks: &[Block], in_correction: bool, out: &mut Vec<Passage>) {
    for block in blocks {
        let text = match block {
            Block::Heading { text, .. } | Block::Code { text, .. } => text.clone(),
            Block::Paragraph(inlines) => plain_text(inlines),
            Block::Table(table) => {
                for row in std::iter::once(&table.header).chain(&table.rows) {
                    let cells: Vec<String> = row.iter().map(Cell::text).collect();
                    let text = normalise(&cells.join(" | "));
                    out.push(Passage {
                        text,
                        in_correction,
                    });
                }
                continue;
            }
            Block::List { items, .. } => {
                items
                    .iter()
                    .for_each(|item| collect_passages(item, in_correction, out));
                continue;
            }
            Block::Quote { callout, blocks } => {
                let correction = in_correction || *callout == Callout::Correction;
                collect_passages(blocks, correction, out);
                continue;
            }
            Block::Rule => continue,
        };
        out.push(Passage {
            text: normalise(&text),
            in_correction,
        });
    }
}

/// The passages of a lesson, technical text first, then its ELI5 version.
fn lesson_passages(lesson: &Lesson) -> Vec<Passage> {
    let mut out = Vec::new();
    collect_passages(&lesson.technical.blocks, false, &mut out);
    if let Some(eli5) = &lesson.eli5 {
        collect_passages(&eli5.blocks, false, &mut out);
    }
    out
}

fn lesson<'c>(course: &'c Course, id: &str) -> &'c Lesson {
    course
        .lesson(id)
        .unwrap_or_else(|| panic!("lesson {id} is missing"))
}

#[rustfmt::skip]
const SEED_TOPICS: &[&str] = &[
    "overview", "plugins", "ip-planning", "load-balancers", "ingress", "dns", "network-policies",
    "private-clusters", "hub-spoke", "troubleshooting", "real-world", "summary",
];

/// What each topic must teach, per the issue's list (matched case-insensitively in its lesson).
#[rustfmt::skip]
const TOPIC_ESSENTIALS: &[(&str, &[&str])] = &[
    ("overview", &["office building", "load balancer", "ingress", "network polic"]),
    ("plugins", &["kubenet", "azure cni overlay", "powered by cilium", "data plane", "defaults to azure cni overlay"]),
    ("ip-planning", &["surge", "reserves five", "/24", "spot the mistake"]),
    ("load-balancers", &["azure-load-balancer-internal", "azure-load-balancer-ipv4"]),
    ("ingress", &["nginx", "agic"]),
    ("dns", &["coredns", "externaldns", "168.63.129.16"]),
    ("network-policies", &["additive", "deny-all"]),
    ("private-clusters", &["private ip", "command invoke", "self-hosted"]),
    ("hub-spoke", &["hub", "spoke", "peering", "azure firewall"]),
    ("troubleshooting", &["pending", "dns", "network polic"]),
    ("real-world", &["financial services", "private aks", "agic", "calico"]),
    ("summary", &["kubenet", "overlay", "coredns", "deny-all"]),
];

#[test]
fn every_seed_topic_has_a_lesson_with_technical_text_and_eli5_where_the_seed_has_one() {
    let course = course();
    let topic_ids: Vec<&str> = course
        .topics
        .iter()
        .map(|topic| topic.id.as_str())
        .collect();
    assert_eq!(
        topic_ids, SEED_TOPICS,
        "the issue's topics, in teaching order"
    );
    for (id, essentials) in TOPIC_ESSENTIALS {
        let lesson = lesson(&course, id);
        assert!(
            !lesson.technical.blocks.is_empty(),
            "{id}: empty technical lesson"
        );
        let text = lesson_passages(lesson)
            .iter()
            .map(|p| p.text.to_lowercase())
            .collect::<Vec<_>>()
            .join("\n");
        for essential in *essentials {
            assert!(
                text.contains(essential),
                "lesson {id} never mentions {essential:?}"
            );
        }
    }
    // The seed's ELI5 paragraph (the office building) covers these topics.
    for id in [
        "overview",
        "plugins",
        "load-balancers",
        "ingress",
        "network-policies",
    ] {
        let eli5 = lesson(&course, id).eli5.as_ref();
        assert!(
            eli5.is_some_and(|doc| !doc.blocks.is_empty()),
            "lesson {id} needs an ELI5 version"
        );
    }
    // The issue asks for diagrams: the office building and the request path, and the hub-spoke topology.
    for (id, at_least) in [("overview", 2), ("hub-spoke", 1)] {
        let diagrams = lesson(&course, id).technical.blocks.iter();
        let count = diagrams
            .filter(|b| matches!(b, Block::Code { language, .. } if language == "diagram"))
            .count();
        assert!(
            count >= at_least,
            "lesson {id} has {count} diagrams, wants {at_least}"
        );
    }
}

/// A seed table: the lesson that must hold it, its header and its rows as the seed prints them.
struct SeedTable {
    lesson: &'static str,
    header: &'static [&'static str],
    rows: &'static [&'static [&'static str]],
}

#[rustfmt::skip]
const SEED_TABLES: &[SeedTable] = &[
    SeedTable {
        lesson: "plugins",
        header: &["Feature", "Kubenet", "Azure CNI", "Azure CNI Overlay", "CNI Powered by Cilium"],
        rows: &[
            &["Pod IP source", "NAT'd bridge (10.244.x.x)", "VNet subnet", "Private overlay CIDR", "Private overlay CIDR"],
            &["IPs consumed per node", "1 (node only)", "1 + max-pods", "1 (node only)", "1 (node only)"],
            &["Max pods / node default", "110", "30 (configurable to 250)", "250", "250"],
            &["VNet-direct pod routing", "No (UDR needed)", "Yes", "No", "No"],
            &["Network Policy engine", "Calico only", "Azure NPM or Calico", "Calico or Cilium", "Cilium (eBPF)"],
            &["Windows node pools", "No", "Yes", "Yes", "No (Linux only)"],
            &["Best for", "Dev/test, small clusters", "Enterprise, VNet integration", "Large clusters, IP-constrained", "Advanced observability, eBPF"],
        ],
    },
    SeedTable {
        lesson: "ip-planning",
        header: &["Component", "Azure CNI", "Azure CNI Overlay"],
        rows: &[
            &["VNet CIDR", "10.0.0.0/16 (65,536 IPs)", "10.0.0.0/16 (65,536 IPs)"],
            &["Node subnet", "/21 (2,046 IPs) — covers nodes + pods", "/24 (254 IPs) — nodes only"],
            &["Pod CIDR", "N/A (uses node subnet)", "192.168.0.0/16 (65,536 IPs)"],
            &["Service CIDR", "10.1.0.0/16", "10.1.0.0/16"],
            &["DNS Service IP", "10.1.0.10", "10.1.0.10"],
        ],
    },
    SeedTable {
        lesson: "load-balancers",
        header: &["Type", "Annotation", "Use Case"],
        rows: &[
            &["External (default)", "—", "Public-facing APIs, web apps"],
            &["Internal", "service.beta.kubernetes.io/azure-load-balancer-internal: \"true\"", "Backend services, private APIs"],
            &["Static IP", "service.beta.kubernetes.io/azure-load-balancer-ipv4", "DNS records, firewall allow-lists"],
        ],
    },
    SeedTable {
        lesson: "ingress",
        header: &["Feature", "NGINX Ingress Controller", "Application Gateway Ingress (AGIC)"],
        rows: &[
            &["Runs where", "Inside the cluster (pods)", "Azure-managed (outside cluster)"],
            &["TLS termination", "At NGINX pod", "At App Gateway (WAF included)"],
            &["WAF support", "ModSecurity (self-managed)", "Azure WAF v2 (managed rules)"],
            &["Custom routing", "Extensive (annotations)", "Limited (Azure-defined)"],
            &["Best for", "Flexibility, multi-cloud portability", "Azure-native, WAF-first deployments"],
        ],
    },
    SeedTable {
        lesson: "network-policies",
        header: &["Engine", "Supported CNI", "Highlights"],
        rows: &[
            &["Azure NPM", "Azure CNI", "Azure-managed, IPTables-based"],
            &["Calico", "Kubenet, Azure CNI, Overlay", "Feature-rich, community standard"],
            &["Cilium", "CNI Powered by Cilium", "eBPF-powered, L7 policies, best performance"],
        ],
    },
];

/// Seed cell fragments that are factual errors (product.md), with the fact the course must state instead.
#[rustfmt::skip]
const SEED_CELL_CORRECTIONS: &[(&str, &str)] = &[("2,046 IPs", "2,043 usable"), ("254 IPs", "251 usable")];

/// The key words of a seed cell: the authors may qualify a cell ("Azure NPM (retiring) or Calico"),
/// so each comma-, parenthesis-, dash- or "or"-separated fragment must be kept, not the exact text.
/// (A comma splits only when a space follows: "2,046" is one word.)
fn key_words(cell: &str) -> Vec<&str> {
    let separators = [", ", "(", ")", ";", " — ", " or "];
    let mut words = vec![cell];
    for separator in separators {
        words = words
            .iter()
            .flat_map(|word| word.split(separator))
            .collect();
    }
    words
        .into_iter()
        .map(str::trim)
        .filter(|word| !word.is_empty())
        .collect()
}

fn table_with_header<'c>(lesson: &'c Lesson, first_header_cell: &str) -> &'c Table {
    let mut tables = lesson
        .technical
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Table(table)
                if table
                    .header
                    .first()
                    .is_some_and(|c| c.text() == first_header_cell) =>
            {
                Some(table)
            }
            _ => None,
        });
    tables.next().unwrap_or_else(|| {
        panic!(
            "lesson {}: no table headed {first_header_cell:?}",
            lesson.id
        )
    })
}

#[test]
fn every_row_of_every_seed_table_is_a_table_row_in_its_lesson() {
    let course = course();
    let mut missing = Vec::new();
    for seed in SEED_TABLES {
        let table = table_with_header(lesson(&course, seed.lesson), seed.header[0]);
        assert_eq!(
            table.header.len(),
            seed.header.len(),
            "{}: the seed's column count",
            seed.lesson
        );
        let header = std::iter::once(&table.header);
        let rows: Vec<&Vec<Cell>> = header.chain(&table.rows).collect();
        for seed_row in std::iter::once(&seed.header).chain(seed.rows) {
            let Some(row) = rows.iter().find(|row| row[0].text() == seed_row[0]) else {
                missing.push(format!("{}: no row {:?}", seed.lesson, seed_row[0]));
                continue;
            };
            for (column, seed_cell) in seed_row.iter().enumerate().skip(1) {
                let cell = row[column].text();
                for word in key_words(seed_cell) {
                    let correction = SEED_CELL_CORRECTIONS
                        .iter()
                        .find(|(wrong, _)| *wrong == word);
                    let expected = correction.map_or(word, |(_, right)| right);
                    if !cell.contains(expected) || (correction.is_some() && cell.contains(word)) {
                        missing.push(format!(
                            "{} / {} / col {column}: {cell:?} lacks {expected:?}",
                            seed.lesson, seed_row[0]
                        ));
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "seed table content missing:\n{}",
        missing.join("\n")
    );
}

/// One distinctive fact of each of the seed's fifteen interview answers, at the seed's level.
#[rustfmt::skip]
const SEED_INTERVIEW_FACTS: &[(Level, &str)] = &[
    (Level::Beginner, "10.244"), (Level::Beginner, "controller"), (Level::Beginner, "Standard Load Balancer"),
    (Level::Beginner, "resolv.conf"), (Level::Beginner, "Calico"), (Level::Intermediate, "651"),
    (Level::Intermediate, "command invoke"), (Level::Intermediate, "GlobalNetworkPolicy"),
    (Level::Intermediate, "SNAT"), (Level::Intermediate, "external-dns.alpha.kubernetes.io/hostname"),
    (Level::Scenario, "Network Contributor"), (Level::Scenario, "IPVS"), (Level::Scenario, "observability"),
    (Level::Scenario, "ExpressRoute"), (Level::Scenario, "ndots"),
];

#[test]
fn fifteen_interview_items_five_per_level_each_with_key_points_and_hints() {
    let course = course();
    let items: Vec<_> = course.interview_items().collect();
    assert_eq!(items.len(), 15);
    for level in [Level::Beginner, Level::Intermediate, Level::Scenario] {
        assert_eq!(
            items.iter().filter(|item| item.level == level).count(),
            5,
            "{level:?}"
        );
    }
    for item in &items {
        assert!(
            (3..=6).contains(&item.key_points.len()),
            "{}: {} key points",
            item.id,
            item.key_points.len()
        );
        assert!(
            (1..=3).contains(&item.hints.len()),
            "{}: {} hints",
            item.id,
            item.hints.len()
        );
        assert!(
            !item.question.trim().is_empty() && !item.answer.trim().is_empty(),
            "{}",
            item.id
        );
    }
    for &(level, fact) in SEED_INTERVIEW_FACTS {
        let found = items
            .iter()
            .any(|item| item.level == level && item.answer.contains(fact));
        assert!(found, "no {level:?} interview answer states {fact:?}");
    }
}

/// Every command of the seed's hands-on and debugging sections, by the lab that teaches it, in order.
#[rustfmt::skip]
const SEED_COMMANDS: &[(&str, &[&str])] = &[
    ("lab-check-plugin", &[r#"az aks show --resource-group myResourceGroup --name myAKSCluster --query "networkProfile" --output table"#]),
    ("lab-internal-lb", &["kubectl apply -f internal-lb.yaml", "kubectl get svc api-internal -w"]),
    ("lab-nginx-ingress", &[
        "helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx",
        "helm repo update",
        "helm install ingress-nginx ingress-nginx/ingress-nginx --namespace ingress-system --create-namespace --set controller.replicaCount=2",
        r#"--set controller.service.annotations."service\.beta\.kubernetes\.io/azure-load-balancer-health-probe-request-path"="/healthz""#,
        "kubectl get svc -n ingress-system ingress-nginx-controller",
    ]),
    ("lab-dns-test", &[
        "kubectl run dns-test --image=busybox:1.36 --rm -it --restart=Never -- sh",
        "nslookup kubernetes.default.svc.cluster.local",
        "nslookup microsoft.com",
        "exit",
    ]),
    ("lab-deny-all", &[
        "kubectl apply -f deny-all.yaml",
        "kubectl run test-curl --image=curlimages/curl --rm -it --restart=Never -n staging -- curl -s --max-time 3 http://api-svc.production.svc.cluster.local",
    ]),
    ("lab-debug-lb-pending", &[
        "kubectl describe svc my-loadbalancer-service",
        r#"az aks show -g myResourceGroup -n myAKSCluster --query "networkProfile.outboundType""#,
        "az network public-ip list -g MC_myResourceGroup_myAKSCluster_eastus -o table",
        r#"az quota show --resource-name PublicIPAddresses --scope "/subscriptions/$(az account show --query id -o tsv)/providers/Microsoft.Network/locations/eastus""#,
        "az network vnet subnet list -g myResourceGroup --vnet-name myVNet -o table",
        "kubectl logs -n kube-system -l component=cloud-controller-manager --tail=50",
    ]),
    ("lab-debug-dns", &[
        "kubectl get pods -n kube-system -l k8s-app=kube-dns",
        "kubectl logs -n kube-system -l k8s-app=kube-dns --tail=100",
        "kubectl run dns-debug --image=busybox:1.36 --rm -it --restart=Never -- nslookup kubernetes.default",
        r#"az network vnet show -g myResourceGroup -n myVNet --query "dhcpOptions.dnsServers""#,
        "kubectl get configmap coredns-custom -n kube-system -o yaml",
        "kubectl rollout restart deployment coredns -n kube-system",
    ]),
    ("lab-debug-netpol", &[
        "kubectl get networkpolicy -A",
        "kubectl describe networkpolicy -n backend",
        "cat <<EOF | kubectl apply -f -",
        "kubectl run test-curl --image=curlimages/curl --rm -it --restart=Never -n frontend -- curl -s http://api.backend.svc.cluster.local:8080/healthz",
    ]),
];

/// The seed's manifests: the lab, the file name it is saved under (None: a heredoc in a command), the YAML.
#[rustfmt::skip]
const SEED_MANIFESTS: &[(&str, Option<&str>, &str)] = &[
    ("lab-internal-lb", Some("internal-lb.yaml"), r#"apiVersion: v1 kind: Service metadata: name: api-internal annotations: service.beta.kubernetes.io/azure-load-balancer-internal: "true" service.beta.kubernetes.io/azure-load-balancer-internal-subnet: "svc-subnet" spec: type: LoadBalancer ports: - port: 443 targetPort: 8443 protocol: TCP selector: app: api-backend"#),
    ("lab-deny-all", Some("deny-all.yaml"), "apiVersion: networking.k8s.io/v1 kind: NetworkPolicy metadata: name: deny-all-ingress namespace: production spec: podSelector: {} policyTypes: - Ingress"),
    ("lab-debug-netpol", None, "apiVersion: networking.k8s.io/v1 kind: NetworkPolicy metadata: name: allow-frontend namespace: backend spec: podSelector: matchLabels: app: api ingress: - from: - namespaceSelector: matchLabels: kubernetes.io/metadata.name: frontend ports: - protocol: TCP port: 8080 EOF"),
];

#[rustfmt::skip]
const SEED_SYMPTOMS: &[(&str, &str)] = &[
    ("lab-debug-lb-pending", "kubectl get svc shows EXTERNAL-IP as <pending> for more than 5 minutes."),
    ("lab-debug-dns", "Application pods log Name or service not known or NXDOMAIN errors."),
    ("lab-debug-netpol", "Pods in the frontend namespace cannot talk to pods in the backend namespace, but everything worked before."),
];

fn lab<'c>(course: &'c Course, id: &str) -> &'c content::Lab {
    course
        .labs()
        .find(|lab| lab.id == id)
        .unwrap_or_else(|| panic!("lab {id} is missing"))
}

#[test]
fn three_debugging_scenarios_with_the_seed_symptoms_and_five_hands_on_labs() {
    let course = course();
    let debugging: Vec<_> = course
        .labs()
        .filter(|lab| lab.kind == LabKind::Debugging)
        .collect();
    assert_eq!(debugging.len(), 3);
    assert_eq!(
        course
            .labs()
            .filter(|lab| lab.kind == LabKind::HandsOn)
            .count(),
        5
    );
    for lab in debugging {
        assert!(
            lab.steps.len() >= 5,
            "{}: {} steps",
            lab.id,
            lab.steps.len()
        );
    }
    for (id, symptom) in SEED_SYMPTOMS {
        assert_eq!(lab(&course, id).symptom.as_deref(), Some(*symptom), "{id}");
    }
}

#[test]
fn every_seed_command_is_a_lab_step_in_the_seed_order() {
    let course = course();
    for (lab_id, commands) in SEED_COMMANDS {
        let steps: Vec<String> = lab(&course, lab_id)
            .steps
            .iter()
            .map(|s| normalise(s.command.as_deref().unwrap_or("")))
            .collect();
        let mut previous_step = 0;
        for command in *commands {
            let step = steps.iter().position(|text| text.contains(command));
            let step = step.unwrap_or_else(|| panic!("{lab_id}: no step runs {command:?}"));
            assert!(
                step >= previous_step,
                "{lab_id}: {command:?} comes before the seed's previous command"
            );
            previous_step = step;
        }
    }
}

#[test]
fn the_seed_manifests_are_step_files_or_commands() {
    let course = course();
    for (lab_id, file_name, manifest) in SEED_MANIFESTS {
        let found = lab(&course, lab_id)
            .steps
            .iter()
            .any(|step| match (file_name, &step.file) {
                (Some(name), Some(file)) => {
                    file.name == *name && normalise(&file.text).contains(manifest)
                }
                (None, _) => step
                    .command
                    .as_deref()
                    .is_some_and(|c| normalise(c).contains(manifest)),
                _ => false,
            });
        assert!(
            found,
            "{lab_id}: the seed's manifest {file_name:?} is missing or altered"
        );
    }
}

#[test]
fn at_least_sixty_questions_of_every_kind_with_unique_ids() {
    // `course()` loading at all means every `see` resolved: the loader refuses a dangling reference.
    let course = course();
    let questions: Vec<_> = course.questions().collect();
    assert!(questions.len() >= 60, "{} questions", questions.len());
    let kinds: HashSet<_> = questions
        .iter()
        .map(|q| std::mem::discriminant(&q.kind))
        .collect();
    assert_eq!(
        kinds.len(),
        7,
        "SingleChoice, MultiSelect, TrueFalse, Number, Cidr, Word and Ordering"
    );
    let mut ids = HashSet::new();
    let all_ids = questions
        .iter()
        .map(|q| &q.id)
        .chain(course.interview_items().map(|i| &i.id));
    for id in all_ids {
        assert!(ids.insert(id), "duplicate id {id}");
    }
    let mut lab_ids = HashSet::new();
    assert!(
        course.labs().all(|lab| lab_ids.insert(&lab.id)),
        "duplicate lab id"
    );
}

/// Corrected facts (product.md) and the passage of a lesson that must state them together.
#[rustfmt::skip]
const PINNED_FACTS: &[(&str, &[&str])] = &[
    ("ip-planning", &["(10 + 1) + (10 + 1) x 30", "341 IPs", "=> /23"]),
    ("ip-planning", &["(20 + 1) + (20 + 1) x 30", "651 IPs", "=> /22"]),
    ("ip-planning", &["(50 + 1) + (50 + 1) x 30", "1,581 IPs", "=> /21"]),
    ("ip-planning", &["2,046 IPs", "/21 -> 2,043 usable too small", "=> /20"]),
    ("ip-planning", &["/24 | 256 | 251"]),
    ("ip-planning", &["/23 | 512 | 507"]),
    ("ip-planning", &["/22 | 1,024 | 1,019"]),
    ("ip-planning", &["/21 | 2,048 | 2,043"]),
    ("ip-planning", &["required IPs = (N + S) + (N + S) x P"]),
    ("ip-planning", &["2^(32−n) − 5"]),
    ("ip-planning", &["10.2.0.0/16 service CIDR", "10.2.0.10 DNS service IP"]),
    ("ip-planning", &["--service-cidr 10.2.0.0/16", "--dns-service-ip 10.2.0.10"]),
    ("real-world", &["10.2.0.0/16", "10.2.0.10"]),
    ("summary", &["(N + S) + (N + S) × P", "2^(32−n) − 5"]),
    ("summary", &["Usable in a /24, /23, /22, /21 | 251, 507, 1,019, 2,043"]),
    ("summary", &["Kubenet retirement | 31 March 2028"]),
    ("summary", &["Azure DNS virtual IP | 168.63.129.16"]),
    ("plugins", &["retired on 31 March 2028"]),
    ("plugins", &["defaults to Azure CNI Overlay"]),
    ("dns", &["168.63.129.16"]),
];

#[test]
fn lessons_state_the_corrected_numbers() {
    let course = course();
    for (id, facts) in PINNED_FACTS {
        let passages = lesson_passages(lesson(&course, id));
        let stated = passages
            .iter()
            .any(|p| facts.iter().all(|fact| p.text.contains(fact)));
        assert!(stated, "lesson {id}: no passage states all of {facts:?}");
    }
}

/// The seed's wrong figures and formula. Each may be quoted only to refute it.
#[rustfmt::skip]
const SEED_ERRORS: &[&str] =
    &["315 IPs", "625 IPs", "510 usable", "1,022 usable", "2,046 usable", "(2,046 IPs)", "(254 IPs)", "nodes + 5", "in 2025+"];

/// Words with which a passage, interview paragraph or question marks a figure as the mistake it is.
const REFUTATION_MARKERS: &[&str] = &["wrong", "seed", "mistake", "correction"];

fn refutes(text: &str) -> bool {
    let text = text.to_lowercase();
    REFUTATION_MARKERS
        .iter()
        .any(|marker| text.contains(marker))
}

#[test]
fn the_seed_errors_appear_only_where_they_are_refuted() {
    // The rule: a seed error may stand in a `**Correction:**` callout, or in a passage (paragraph,
    // list item, code block, table row) that itself calls it wrong, a mistake or the seed's. In quiz
    // questions and interview answers the same words must be in the question's prompt or explanation,
    // or in the answer's paragraph. Today every occurrence is a correction or says "mistake"/"seed".
    let course = course();
    let mut stated_as_fact = Vec::new();
    for lesson in course.lessons() {
        for passage in lesson_passages(lesson) {
            for error in SEED_ERRORS.iter().filter(|e| passage.text.contains(*e)) {
                if !passage.in_correction && !refutes(&passage.text) {
                    stated_as_fact.push(format!(
                        "lesson {}: {error:?} in {:?}",
                        lesson.id, passage.text
                    ));
                }
            }
        }
    }
    for item in course.interview_items() {
        let paragraphs = item
            .answer
            .split("\n\n")
            .chain(item.key_points.iter().map(|k| k.text.as_str()));
        for paragraph in paragraphs.chain(item.hints.iter().map(String::as_str)) {
            let paragraph = normalise(paragraph);
            if SEED_ERRORS.iter().any(|e| paragraph.contains(e)) && !refutes(&paragraph) {
                stated_as_fact.push(format!("interview {}: {paragraph:?}", item.id));
            }
        }
    }
    for question in course.questions() {
        let all_text = normalise(&format!(
            "{} {:?} {}",
            question.prompt, question.kind, question.explanation
        ));
        let refuted = refutes(&question.prompt) || refutes(&question.explanation);
        if SEED_ERRORS.iter().any(|e| all_text.contains(e)) && !refuted {
            stated_as_fact.push(format!("question {}", question.id));
        }
    }
    assert!(
        stated_as_fact.is_empty(),
        "seed errors stated as facts:\n{}",
        stated_as_fact.join("\n")
    );

    // The course must also point the common mistakes out (issue 3), so the scan above sees them.
    let corrections: Vec<String> = course
        .lessons()
        .flat_map(lesson_passages)
        .filter(|p| p.in_correction)
        .map(|p| p.text)
        .collect();
    for error in ["315 IPs", "625 IPs", "(2,046 IPs)", "nodes + 5"] {
        assert!(
            corrections.iter().any(|c| c.contains(error)),
            "no correction callout quotes {error:?}"
        );
    }
}

fn question<'c>(course: &'c Course, id: &str) -> &'c content::Question {
    course
        .questions()
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("question {id} is missing"))
}

fn chosen_option(kind: &QuestionKind) -> &str {
    match kind {
        QuestionKind::SingleChoice { options, answer } => &options[*answer],
        other => panic!("expected a single-choice question, got {other:?}"),
    }
}

#[test]
fn questions_pin_the_corrected_numbers() {
    let course = course();
    let number = |id| match &question(&course, id).kind {
        QuestionKind::Number { answer } => *answer,
        other => panic!("{id}: expected a number question, got {other:?}"),
    };
    let cidr = |id| match &question(&course, id).kind {
        QuestionKind::Cidr { answer } => answer.clone(),
        other => panic!("{id}: expected a CIDR question, got {other:?}"),
    };
    assert_eq!(number("q-ip-formula-10x30"), 341);
    assert_eq!(number("q-ip-usable-24"), 251);
    assert_eq!(number("q-ip-usable-22"), 1019);
    assert_eq!(number("q-ip-usable-21"), 2043);
    assert_eq!(number("q-ip-smallest-subnet"), 3);
    assert_eq!(cidr("q-ip-formula-20x30-subnet"), "10.240.0.0/22");
    assert!(
        question(&course, "q-ip-formula-20x30-subnet")
            .explanation
            .contains("651")
    );
    assert_eq!(
        chosen_option(&question(&course, "q-ip-usable-23-seed").kind),
        "507"
    );
    let sixty_five = chosen_option(&question(&course, "q-ip-formula-65-nodes").kind);
    assert!(
        sixty_five.contains("2,046") && sixty_five.contains("/20"),
        "{sixty_five}"
    );
    // The seed's invalid plan as "spot the mistake", and its fix.
    let spot = chosen_option(&question(&course, "q-hs-spot-service-cidr").kind);
    assert!(spot.contains("spoke VNet"), "{spot}");
    assert_eq!(
        question(&course, "q-hs-default-collides").kind,
        QuestionKind::TrueFalse { answer: false }
    );
    assert_eq!(cidr("q-rw-fix-service-cidr"), "10.2.0.0/16");
    let interview = course
        .interview_items()
        .find(|i| i.id == "iv-ip-formula")
        .expect("iv-ip-formula");
    assert!(interview.answer.contains("21 + 21 x 30 = 651") && interview.answer.contains("1,019"));

    // Any Azure CNI question on 10 or 20 nodes at 30 pods with the default surge, now or added later,
    // must give the surge-aware answer, never the seed's 315 or 625.
    let mut checked = 0;
    for q in course.questions() {
        let about = |nodes: &str| {
            [
                nodes,
                "30 max pods",
                "default max surge",
                "Azure CNI (node subnet)",
            ]
            .iter()
            .all(|w| q.prompt.contains(w))
        };
        match &q.kind {
            QuestionKind::Number { answer } if about("10 nodes") => {
                assert_eq!(*answer, 341, "{}", q.id)
            }
            QuestionKind::Number { answer } if about("20 nodes") => {
                assert_eq!(*answer, 651, "{}", q.id)
            }
            QuestionKind::Cidr { answer } if about("20 nodes") => {
                assert!(answer.ends_with("/22"), "{}", q.id)
            }
            _ => continue,
        }
        checked += 1;
    }
    assert!(
        checked >= 2,
        "the 10- and 20-node questions were not found by their prompts"
    );
}
