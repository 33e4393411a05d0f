#pragma once
// RocksDB's diagnostic ("info") log, sent to the process logger (spdlog) instead of the LOG
// file RocksDB keeps in the data directory by default. On a full disk RocksDB's error handler
// writes to that file, and a failed flush of it trips an assertion in RocksDB's file writer
// that aborts the process; with this logger nothing of that log touches the data directory.
#include <rocksdb/env.h>

#include <memory>

namespace istihdam {

// Thread-safe. Levels map DEBUG/INFO → debug, WARN → warn, ERROR/FATAL/HEADER → error/info.
std::shared_ptr<rocksdb::Logger> MakeRocksDbLogger();

}  // namespace istihdam
