// Cost report (see cost.h). The numbers come from rules/cost/estimate.h, the
// same estimate COST006 compares with the budget.
#include "analyzer/report/cost.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rules/cost/estimate.h"
#include "rules/cost/prices.h"

namespace kclint {

namespace {

std::string where(const Project& p, const Span& s) {
  if (!s.valid()) return {};
  return fmt::format("{}:{}", p.file(s.file).path, s.line);
}

std::string environment_title(const cost::EnvironmentEstimate& e) {
  return e.environment.empty() ? std::string("environment unknown") : "environment " + e.environment;
}

// Counts code points, so "×" lines up.
std::size_t width(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string pad(std::string s, std::size_t to) {
  std::size_t w = width(s);
  if (w < to) s.append(to - w, ' ');
  return s;
}

}  // namespace

void write_cost_text(std::ostream& out, const std::vector<std::unique_ptr<Project>>& projects) {
  out << fmt::format("Monthly estimate: {} on-demand list prices of {}, {:g} hours a month; traffic, storage and I/O "
                     "not included.\n",
                     cost::kPriceRegion, cost::kPriceDate, cost::kHoursPerMonth);
  double grand = 0;
  std::size_t grand_unpriced = 0, environments = 0;
  for (const auto& project : projects) {
    for (const cost::EnvironmentEstimate& e : cost::estimate(*project)) {
      ++environments;
      std::vector<std::array<std::string, 4>> rows;
      for (const cost::Item& item : e.items)
        rows.push_back({item.resource->address, item.what, where(*project, item.span),
                        item.monthly ? cost::money(*item.monthly) : "unknown: " + item.unknown});
      std::array<std::size_t, 3> w{8, 4, 8};
      for (const auto& r : rows)
        for (std::size_t i = 0; i < 3; ++i) w[i] = std::max(w[i], width(r[i]));
      out << "\n" << environment_title(e) << "\n";
      out << "  " << pad("RESOURCE", w[0]) << "  " << pad("ITEM", w[1]) << "  " << pad("LOCATION", w[2]) << "  MONTHLY\n";
      for (const auto& r : rows)
        out << "  " << pad(r[0], w[0]) << "  " << pad(r[1], w[1]) << "  " << pad(r[2], w[2]) << "  " << r[3] << "\n";
      out << "  total " << cost::money(e.total);
      if (e.unpriced) out << fmt::format(" + {} item(s) of unknown size", e.unpriced);
      if (e.policy && e.policy->budget)
        out << fmt::format(" (budget {}{})", cost::money(*e.policy->budget), e.total > *e.policy->budget ? ", OVER" : "");
      out << "\n";
      grand += e.total;
      grand_unpriced += e.unpriced;
    }
  }
  if (environments == 0) {
    out << "\nNo resource that bills by the hour was found.\n";
    return;
  }
  out << "\nTotal " << cost::money(grand);
  if (grand_unpriced) out << fmt::format(" + {} item(s) of unknown size", grand_unpriced);
  out << "\n";
}

void write_cost_json(std::ostream& out, const std::vector<std::unique_ptr<Project>>& projects) {
  nlohmann::ordered_json doc;
  doc["region"] = cost::kPriceRegion;
  doc["prices_date"] = cost::kPriceDate;
  doc["hours_per_month"] = cost::kHoursPerMonth;
  doc["environments"] = nlohmann::ordered_json::array();
  double grand = 0;
  for (const auto& project : projects) {
    for (const cost::EnvironmentEstimate& e : cost::estimate(*project)) {
      nlohmann::ordered_json env;
      env["environment"] = e.environment.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(e.environment);
      env["total"] = std::round(e.total * 100) / 100;
      env["unpriced"] = e.unpriced;
      env["budget"] = e.policy && e.policy->budget ? nlohmann::ordered_json(*e.policy->budget) : nlohmann::ordered_json(nullptr);
      env["items"] = nlohmann::ordered_json::array();
      for (const cost::Item& item : e.items) {
        nlohmann::ordered_json j;
        j["address"] = item.resource->address;
        j["type"] = item.resource->native_type;
        j["what"] = item.what;
        if (item.span.valid()) {
          j["file"] = project->file(item.span.file).path;
          j["line"] = item.span.line;
        }
        j["monthly"] = item.monthly ? nlohmann::ordered_json(std::round(*item.monthly * 100) / 100) : nlohmann::ordered_json(nullptr);
        if (!item.monthly) j["unknown"] = item.unknown;
        env["items"].push_back(std::move(j));
      }
      grand += e.total;
      doc["environments"].push_back(std::move(env));
    }
  }
  doc["total"] = std::round(grand * 100) / 100;
  out << doc.dump(2) << "\n";
}

}  // namespace kclint
