#!/usr/bin/python3
"""Shows a few records of a running renkei-server, as a client sees them.

  /usr/bin/python3 scripts/show_records.py --server 127.0.0.1:50051 --stubs build/python
"""

import argparse
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", default="127.0.0.1:50051")
    parser.add_argument("--stubs", default="build/python")
    parser.add_argument("--year", type=int, default=2024, help="年度 for the indicators")
    args = parser.parse_args()
    sys.path.insert(0, args.stubs)
    import grpc
    from renkei.v1 import (indicator_pb2, indicator_pb2_grpc, need_pb2, need_pb2_grpc,
                           network_pb2, network_pb2_grpc, organization_pb2,
                           organization_pb2_grpc, seed_pb2, seed_pb2_grpc, system_pb2,
                           system_pb2_grpc)

    channel = grpc.insecure_channel(args.server)
    info = system_pb2_grpc.SystemServiceStub(channel).GetServerInfo(
        system_pb2.GetServerInfoRequest(), timeout=10)
    counts = ", ".join(f"{n} {c}" for c, n in sorted(info.record_counts.items()))
    print(f"\nrenkei-server {info.version} at {args.server}: revision {info.revision}; {counts}")

    organizations = organization_pb2_grpc.OrganizationServiceStub(channel)
    print("\n■ 千厩地区の企業 (ListOrganizations district=千厩, kind=COMPANY)")
    page = organizations.ListOrganizations(organization_pb2.ListOrganizationsRequest(
        district="千厩", kind=organization_pb2.ORGANIZATION_KIND_COMPANY, page_size=5), timeout=10)
    for o in page.organizations:
        jsic = ",".join(o.jsic_codes)
        print(f"  {o.name:<18} {o.display_name}  従業員{o.employees}人  JSIC {jsic}")

    kosen = organizations.ListOrganizations(organization_pb2.ListOrganizationsRequest(
        name_contains="一関工業高等専門学校", page_size=1), timeout=10).organizations[0]
    print(f"\n■ {kosen.display_name} のシーズ (ListSeeds institution={kosen.name})")
    seeds = seed_pb2_grpc.SeedServiceStub(channel).ListSeeds(
        seed_pb2.ListSeedsRequest(institution=kosen.name, page_size=5), timeout=10)
    for s in seeds.seeds:
        print(f"  {s.name:<9} {s.title}")

    print("\n■ 受付中のニーズ (ListNeeds status=OPEN)")
    needs = need_pb2_grpc.NeedServiceStub(channel).ListNeeds(
        need_pb2.ListNeedsRequest(status=need_pb2.NEED_STATUS_OPEN, page_size=5), timeout=10)
    for n in needs.needs:
        print(f"  {n.name:<9} {n.title}")

    print("\n■ ネットワークと現会員数 (ListNetworks)")
    networks = network_pb2_grpc.NetworkServiceStub(channel).ListNetworks(
        network_pb2.ListNetworksRequest(page_size=6), timeout=10)
    for w in networks.networks:
        print(f"  {w.name:<11} {w.display_name}（{w.founded.year}年設立）会員{w.member_count}")

    indicators = indicator_pb2_grpc.IndicatorServiceStub(channel).GetIndicators(
        indicator_pb2.GetIndicatorsRequest(fiscal_year=args.year), timeout=10)
    print(f"\n■ {args.year}年度の指標 (GetIndicators)")
    names = {1: "共同研究", 2: "受託研究", 3: "技術相談", 4: "試験分析", 5: "共同開発", 6: "その他"}
    for c in indicators.collaborations_by_type:
        print(f"  {names.get(c.type, c.type)}: {c.records}件 ({c.cases}ケース)")
    print(f"  新製品 {indicators.new_products}件・新技術 {indicators.new_technologies}件、"
          f"SDGs宣言企業 {indicators.sdgs_companies}社、"
          f"BCP策定 {indicators.bcp_companies}/{indicators.companies}社 "
          f"({indicators.bcp_share:.0%})")


if __name__ == "__main__":
    main()
