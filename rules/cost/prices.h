// The offline price table behind `kclint cost` and COST006.
//
// AWS list prices, region us-east-1 (N. Virginia), on-demand, USD per hour,
// as published on the AWS pricing pages (aws.amazon.com/vpc/pricing,
// /elasticloadbalancing/pricing, /fargate/pricing, /rds/postgresql/pricing,
// /rds/aurora/pricing, /elasticache/pricing) and checked in November 2026.
// RDS prices are PostgreSQL's (MySQL and MariaDB are a few percent lower);
// ElastiCache prices are Redis OSS's. Only the hourly part is priced:
// data processed, LCUs, storage and I/O depend on traffic and are left out.
#pragma once

#include <optional>
#include <string_view>

namespace kclint::cost {

inline constexpr std::string_view kPriceRegion = "us-east-1";
inline constexpr std::string_view kPriceDate = "2026-11";
inline constexpr double kHoursPerMonth = 730;

inline constexpr double kNatGatewayHour = 0.045;
inline constexpr double kPublicIpv4Hour = 0.005;  // Elastic IPs, attached or not (since February 2024)
inline constexpr double kAlbHour = 0.0225;
inline constexpr double kNlbHour = 0.0225;
inline constexpr double kGwlbHour = 0.0125;

inline constexpr double kFargateVcpuHour = 0.04048;
inline constexpr double kFargateGbHour = 0.004445;
inline constexpr double kFargateArmVcpuHour = 0.03238;
inline constexpr double kFargateArmGbHour = 0.00356;
// Fargate Spot's price floats; AWS quotes "up to 70%" off. Estimates assume 70% off.
inline constexpr double kFargateSpotFactor = 0.30;

inline constexpr double kAuroraAcuHour = 0.12;  // Aurora Serverless v2, Aurora Standard

// Hourly price of one RDS instance of `instance_class` (single-AZ), or
// nullopt when the class is not in the table. `aurora`: Aurora's own prices.
std::optional<double> rds_hour(std::string_view instance_class, bool aurora);
// Hourly price of one ElastiCache node of `node_type`.
std::optional<double> cache_node_hour(std::string_view node_type);

}  // namespace kclint::cost
