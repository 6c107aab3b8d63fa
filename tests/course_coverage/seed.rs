//! What the seed (`shared/seed/networking-in-aks.txt`) holds, transcribed: its topics, tables,
//! commands, manifests, symptoms, interview facts and the errors it makes.

use aks_tutor::content::Level;

#[rustfmt::skip]
pub const SEED_TOPICS: &[&str] = &[
    "overview", "plugins", "ip-planning", "load-balancers", "ingress", "dns", "network-policies",
    "private-clusters", "hub-spoke", "troubleshooting", "real-world", "summary",
];

/// What each topic must teach, per the issue's list (matched case-insensitively in its lesson).
#[rustfmt::skip]
pub const TOPIC_ESSENTIALS: &[(&str, &[&str])] = &[
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

/// A seed table: the lesson that must hold it, its header and its rows as the seed prints them.
pub struct SeedTable {
    pub lesson: &'static str,
    pub header: &'static [&'static str],
    pub rows: &'static [&'static [&'static str]],
}

#[rustfmt::skip]
pub const SEED_TABLES: &[SeedTable] = &[
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
pub const SEED_CELL_CORRECTIONS: &[(&str, &str)] = &[("2,046 IPs", "2,043 usable"), ("254 IPs", "251 usable")];

/// One distinctive fact of each of the seed's fifteen interview answers, at the seed's level.
#[rustfmt::skip]
pub const SEED_INTERVIEW_FACTS: &[(Level, &str)] = &[
    (Level::Beginner, "10.244"), (Level::Beginner, "controller"), (Level::Beginner, "Standard Load Balancer"),
    (Level::Beginner, "resolv.conf"), (Level::Beginner, "Calico"), (Level::Intermediate, "651"),
    (Level::Intermediate, "command invoke"), (Level::Intermediate, "GlobalNetworkPolicy"),
    (Level::Intermediate, "SNAT"), (Level::Intermediate, "external-dns.alpha.kubernetes.io/hostname"),
    (Level::Scenario, "Network Contributor"), (Level::Scenario, "IPVS"), (Level::Scenario, "observability"),
    (Level::Scenario, "ExpressRoute"), (Level::Scenario, "ndots"),
];

/// Every command of the seed's hands-on and debugging sections, by the lab that teaches it, in order.
#[rustfmt::skip]
pub const SEED_COMMANDS: &[(&str, &[&str])] = &[
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
pub const SEED_MANIFESTS: &[(&str, Option<&str>, &str)] = &[
    ("lab-internal-lb", Some("internal-lb.yaml"), r#"apiVersion: v1 kind: Service metadata: name: api-internal annotations: service.beta.kubernetes.io/azure-load-balancer-internal: "true" service.beta.kubernetes.io/azure-load-balancer-internal-subnet: "svc-subnet" spec: type: LoadBalancer ports: - port: 443 targetPort: 8443 protocol: TCP selector: app: api-backend"#),
    ("lab-deny-all", Some("deny-all.yaml"), "apiVersion: networking.k8s.io/v1 kind: NetworkPolicy metadata: name: deny-all-ingress namespace: production spec: podSelector: {} policyTypes: - Ingress"),
    ("lab-debug-netpol", None, "apiVersion: networking.k8s.io/v1 kind: NetworkPolicy metadata: name: allow-frontend namespace: backend spec: podSelector: matchLabels: app: api ingress: - from: - namespaceSelector: matchLabels: kubernetes.io/metadata.name: frontend ports: - protocol: TCP port: 8080 EOF"),
];

#[rustfmt::skip]
pub const SEED_SYMPTOMS: &[(&str, &str)] = &[
    ("lab-debug-lb-pending", "kubectl get svc shows EXTERNAL-IP as <pending> for more than 5 minutes."),
    ("lab-debug-dns", "Application pods log Name or service not known or NXDOMAIN errors."),
    ("lab-debug-netpol", "Pods in the frontend namespace cannot talk to pods in the backend namespace, but everything worked before."),
];

/// The seed's wrong figures and formula. Each may be quoted only to refute it.
#[rustfmt::skip]
pub const SEED_ERRORS: &[&str] =
    &["315 IPs", "625 IPs", "510 usable", "1,022 usable", "2,046 usable", "(2,046 IPs)", "(254 IPs)", "nodes + 5", "in 2025+"];
