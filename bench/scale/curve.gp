# The scale curve from bench/scale/scale.sh's TSV:  gnuplot -e "tsv='scale.tsv'; png='curve.png'" curve.gp
# Dashed lines are "linear from the first point" (its value times events / first events), so a
# reader sees whether a figure grows with the log or faster.
set terminal pngcairo size 1400,1000 font "sans,11"
set output png
set datafile separator "\t"
set datafile missing "-"
# A rebuild stopped at REBUILD_TIMEOUT is recorded as ">seconds": a lower bound, drawn apart.
done(c) = strcol(c)[1:1] eq ">" ? NaN : column(c)
bound(c) = strcol(c)[1:1] eq ">" ? real(strcol(c)[2:]) : NaN
set key top left
set grid
set xlabel "events in the log (millions)"
stats tsv using 1 every ::1::1 nooutput name "E"
e0 = E_min / 1e6
stats tsv using 8 every ::1::1 nooutput name "V"
stats tsv using (done(9)) every ::1::1 nooutput name "R"
stats tsv using 7 every ::1::1 nooutput name "D"
set multiplot layout 2,2 title "istihdam: events over 2 M workplace streams (bench/README.md \"Scale (10 M events)\")"

set title "Offline walks of the whole log"
set ylabel "seconds"
plot tsv using ($1/1e6):(done(9)) every ::1 with linespoints lw 2 pt 7 title "istihdam rebuild (every projection)", \
     tsv using ($1/1e6):(bound(9)) every ::1 with points pt 8 ps 2 lc rgb "red" title "rebuild stopped there: lower bound", \
     tsv using ($1/1e6):8 every ::1 with linespoints lw 2 pt 5 title "istihdam verify (hash chain)", \
     R_min * x / e0 with lines dt 2 lc rgb "gray40" title "rebuild, linear from 1st point", \
     V_min * x / e0 with lines dt 3 lc rgb "gray60" title "verify, linear from 1st point"

set title "Server RSS (default settings)"
set ylabel "MiB"
set yrange [0:*]
plot tsv using ($1/1e6):12 every ::1 with linespoints lw 2 pt 7 title "RSS idle", \
     tsv using ($1/1e6):13 every ::1 with linespoints lw 2 pt 5 title "RSS under GET load (demo employer)", \
     tsv using ($1/1e6):33 every ::1 with linespoints lw 2 pt 11 title "RSS under auditor GETs of random loaded workplaces", \
     tsv using ($1/1e6):10 every ::1 with linespoints lw 2 pt 9 title "rebuild peak RSS", \
     1024 with lines dt 2 lc rgb "red" title "goal: 1 GiB"
set yrange [*:*]

set title "Append throughput of the same extra batch (synced appends)"
set ylabel "events/s"
set yrange [0:*]
plot tsv using ($1/1e6):4 every ::1 with linespoints lw 2 pt 7 title "into the loaded store", \
     tsv using ($1/1e6):5 every ::1 with linespoints lw 2 pt 5 title "into an empty store (baseline)"
set yrange [*:*]

set title "Disk and GET latency"
set ylabel "disk MiB"
set y2label "GET p99 ms"
set y2tics
set yrange [0:*]
set y2range [0:*]
plot tsv using ($1/1e6):7 every ::1 with linespoints lw 2 pt 7 axes x1y1 title "disk (du)", \
     D_min * x / e0 with lines dt 2 lc rgb "gray40" axes x1y1 title "disk, linear from 1st point", \
     tsv using ($1/1e6):24 every ::1 with linespoints lw 2 pt 5 axes x1y2 title "GET /workplaces/{id} p99", \
     tsv using ($1/1e6):31 every ::1 with linespoints lw 2 pt 11 axes x1y2 title "auditor GET random loaded workplace p99", \
     tsv using ($1/1e6):27 every ::1 with linespoints lw 2 pt 4 axes x1y2 title "bare Beast p99 (baseline)"
unset multiplot
