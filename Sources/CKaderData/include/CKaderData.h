#ifndef CKADERDATA_H
#define CKADERDATA_H

#include <stddef.h>

/// The reference data kaderd ships inside its binaries, so that no installed file can be
/// missing or stale. The bytes are the CSV and TOML files beside kader_data.c, verbatim (UTF-8).
/// See NOTICE.md there for their sources and licence.

/// provinces.csv: code,name,zone,iana (the 38 provinces and their time zones).
extern const unsigned char kader_provinces_csv[];
extern const size_t kader_provinces_csv_size;

/// wilayah.csv: code,name (every Kemendagri region code: provinces to villages).
extern const unsigned char kader_wilayah_csv[];
extern const size_t kader_wilayah_csv_size;

/// holidays.csv: date,name (Indonesia's national holidays and cuti bersama, by year).
extern const unsigned char kader_holidays_csv[];
extern const size_t kader_holidays_csv_size;

/// programs/kpmd.toml: the default KPMD program, as operators would write one.
extern const unsigned char kader_default_program_toml[];
extern const size_t kader_default_program_toml_size;

/// programs/kpm.toml: the Kader Pembangunan Manusia of the village stunting convergence.
extern const unsigned char kader_kpm_program_toml[];
extern const size_t kader_kpm_program_toml_size;

/// Swift cannot import an array of unknown size, so it reads the bytes through these.
static inline const unsigned char *kader_provinces_csv_bytes(void) { return kader_provinces_csv; }
static inline const unsigned char *kader_wilayah_csv_bytes(void) { return kader_wilayah_csv; }
static inline const unsigned char *kader_holidays_csv_bytes(void) { return kader_holidays_csv; }
static inline const unsigned char *kader_default_program_toml_bytes(void) { return kader_default_program_toml; }
static inline const unsigned char *kader_kpm_program_toml_bytes(void) { return kader_kpm_program_toml; }

#endif
