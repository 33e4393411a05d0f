#pragma once
// The scale loader's events (bench/scale_loader.cpp, bench/README.md "Scale (10 M events)"):
// a deterministic plan of N workplace events over M workplace streams, so that a load can be
// extended later (1 M -> 3 M -> 10 M) and its progress recovered from the store alone.
//
// Event i (0-based, in load order) goes to stream i % M as that stream's version i / M + 1:
// version 1 is a WorkplaceRegistered (every 8th workplace a headquarters, the 7 after it its
// branches in the same province, all of one synthetic employer), later versions are
// WorkplaceInfoUpdated of the address and phone, as the update wizard saves them (EMP-2). The
// workplaces projector turns them into real by_id / by_employer rows.
#include <cstdint>
#include <map>
#include <string>

#include "events/codec.h"
#include "events/workplaces.h"
#include "infra/event_store.h"
#include "infra/identifiers.h"

namespace istihdam::bench::scale {

// Numbered ids far above the ones the server hands out first (workplace-3000000001..,
// employer-2000000001..), so a demo seeded before the load and ids allocated after it never
// collide with the loaded ones (the allocator continues past the highest numbered stream).
inline constexpr std::uint64_t kFirstWorkplace = 3'500'000'000ULL;
inline constexpr std::uint64_t kFirstEmployer = 2'500'000'000ULL;
inline constexpr std::uint64_t kBranchesPerEmployer = 8;  // 1 headquarters + 7 branches

inline std::string WorkplaceId(std::uint64_t s) { return std::to_string(kFirstWorkplace + s); }
inline std::string StreamOf(std::uint64_t s) { return "workplace-" + WorkplaceId(s); }

inline std::string Digits(std::uint64_t v, int width) {
  std::string d = std::to_string(v);
  return d.size() >= static_cast<std::size_t>(width) ? d : std::string(width - d.size(), '0') + d;
}

inline events::WorkplaceInfo InfoOf(std::uint64_t s, std::uint64_t version) {
  events::WorkplaceInfo info;
  info.district = (s % 3 == 0) ? "Kadıköy" : (s % 3 == 1) ? "Osmangazi" : "Çankaya";
  info.address = "Organize Sanayi Bölgesi " + std::to_string(1 + s % 40) + ". Cad. No:" + std::to_string(version);
  info.postal_code = Digits(10000 + s % 80000, 5);
  info.phone = "0224 555 " + Digits(s % 100, 2) + " " + Digits(version % 100, 2);
  info.email = "ik" + std::to_string(s) + "@ornek.com.tr";
  info.activity = "Tekstil ürünleri imalatı";
  return info;
}

// The event at position `i` of the plan over `streams` streams (its stream: StreamOf(i % streams)).
inline NewEvent EventAt(std::uint64_t i, std::uint64_t streams) {
  const std::uint64_t s = i % streams;
  const std::uint64_t version = i / streams + 1;
  if (version > 1) {
    events::WorkplaceInfoUpdated u{WorkplaceId(s), InfoOf(s, version), {"address", "phone"}};
    return events::Encode(u);
  }
  const std::uint64_t group = s / kBranchesPerEmployer;
  const bool hq = s % kBranchesPerEmployer == 0;
  events::WorkplaceRegistered r;
  r.workplace_id = WorkplaceId(s);
  r.employer_id = std::to_string(kFirstEmployer + group);
  r.iskur_no = r.workplace_id;
  r.title = "Anadolu Tekstil " + std::to_string(group) + (hq ? " Merkez" : " Şube " + std::to_string(s % 8));
  r.sgk_no = "2611101" + Digits(s, 12) + "0160100";  // 26 digits
  r.tax_no = CompleteVkn(Digits(100000000 + group % 899999999, 9));
  r.province = Digits(1 + group % 81, 2);
  r.role = hq ? "headquarters" : "branch";
  r.hq_workplace_id = hq ? "" : WorkplaceId(s - s % kBranchesPerEmployer);
  r.info = InfoOf(s, 1);
  return events::Encode(r);
}

// One atomic append of plan events [first, first + count): one StreamAppend per stream, each
// expecting the stream's version before its first event here (0: the stream must not exist).
inline AppendRequest BatchRequest(std::uint64_t first, std::uint64_t count, std::uint64_t streams,
                                  const EventMetadata& meta) {
  AppendRequest req;
  req.meta = meta;
  std::map<std::uint64_t, std::size_t> index;  // stream number -> its StreamAppend
  for (std::uint64_t i = first; i < first + count; ++i) {
    const std::uint64_t s = i % streams;
    auto [at, fresh] = index.try_emplace(s, req.streams.size());
    if (fresh) {
      StreamAppend sa;
      sa.stream = StreamOf(s);
      sa.expected = ExpectedVersion::Exactly(i / streams);
      req.streams.push_back(std::move(sa));
    }
    req.streams[at->second].events.push_back(EventAt(i, streams));
  }
  return req;
}

// How many plan events the store holds (the plan is appended in order, in atomic batches),
// from O(log streams) stream versions: other appends in between (logins, commands) do not
// disturb it. Stream 0 has the highest version q; the streams at q are exactly [0, r).
inline std::uint64_t LoadedCount(StreamReader& reader, std::uint64_t streams) {
  const std::uint64_t q = reader.StreamVersion(StreamOf(0));
  if (q == 0) return 0;
  std::uint64_t lo = 1, hi = streams;  // the first stream below q is in [lo, hi] (hi: none)
  while (lo < hi) {
    const std::uint64_t mid = lo + (hi - lo) / 2;
    if (reader.StreamVersion(StreamOf(mid)) < q) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return (q - 1) * streams + lo;
}

}  // namespace istihdam::bench::scale
