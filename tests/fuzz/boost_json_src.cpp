// Boost.JSON compiled into the fuzz targets (instead of linking libboost_json), so that the
// parser is instrumented too and libFuzzer sees its coverage.
#include <boost/json/src.hpp>
