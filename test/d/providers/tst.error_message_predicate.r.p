#!/bin/sh
# mask enabled-probe and probe IDs and the DIF offset; drop notices and
# per-CPU error counts
sed -E -e '/matched [0-9]+ probes?$/d' \
	-e 's/probe ID [0-9]+ \(ID [0-9]+:/probe ID E (ID P:/' \
	-e 's/DIF offset [0-9]+/DIF offset N/' \
	-e '/^dtrace: [0-9]+ errors? on CPU [0-9]+$/d'
