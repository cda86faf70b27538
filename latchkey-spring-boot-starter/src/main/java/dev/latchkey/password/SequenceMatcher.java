package dev.latchkey.password;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A port of the parts of Python's {@code difflib.SequenceMatcher} that Django's
 * {@code UserAttributeSimilarityValidator} depends on: {@code ratio()} and {@code quick_ratio()}
 * over two strings, compared code point by code point like Python {@code str}s.
 *
 * <p>Faithful to CPython 3 including the "autojunk" heuristic: when {@code b} has 200 or more
 * elements, elements occurring more than {@code len(b) // 100 + 1} times are dropped from the
 * index used to find matches. No {@code isjunk} function is supported (Django passes none), so
 * the junk set is always empty.
 */
final class SequenceMatcher {

	private static final int AUTOJUNK_MIN_LENGTH = 200;

	private final int[] a;
	private final int[] b;
	/** Python's {@code b2j}: positions of each element in {@code b}, minus "popular" elements. */
	private final Map<Integer, List<Integer>> b2j = new HashMap<>();

	SequenceMatcher(String a, String b) {
		this.a = a.codePoints().toArray();
		this.b = b.codePoints().toArray();
		chainB();
	}

	/** Python {@code ratio()}: {@code 2.0 * M / T} over the matching blocks; 1.0 when both are empty. */
	double ratio() {
		return calculateRatio(matchedElements(), a.length + b.length);
	}

	/** Python {@code quick_ratio()}: an upper bound on {@link #ratio()} from element counts alone. */
	double quickRatio() {
		Map<Integer, Integer> fullBCount = new HashMap<>();
		for (int element : b) {
			fullBCount.merge(element, 1, Integer::sum);
		}
		Map<Integer, Integer> available = new HashMap<>();
		int matches = 0;
		for (int element : a) {
			Integer previous = available.get(element);
			int count = previous != null ? previous : fullBCount.getOrDefault(element, 0);
			available.put(element, count - 1);
			if (count > 0) {
				matches++;
			}
		}
		return calculateRatio(matches, a.length + b.length);
	}

	private static double calculateRatio(int matches, int length) {
		return length == 0 ? 1.0 : 2.0 * matches / length;
	}

	private void chainB() {
		for (int j = 0; j < b.length; j++) {
			b2j.computeIfAbsent(b[j], key -> new ArrayList<>()).add(j);
		}
		if (b.length >= AUTOJUNK_MIN_LENGTH) {
			int popularThreshold = b.length / 100 + 1;
			b2j.values().removeIf(positions -> positions.size() > popularThreshold);
		}
	}

	/** Sum of the sizes of Python's {@code get_matching_blocks()}; merging adjacent blocks keeps the sum. */
	private int matchedElements() {
		int matched = 0;
		Deque<int[]> queue = new ArrayDeque<>();
		queue.push(new int[] {0, a.length, 0, b.length});
		while (!queue.isEmpty()) {
			int[] range = queue.pop();
			int alo = range[0];
			int ahi = range[1];
			int blo = range[2];
			int bhi = range[3];
			int[] match = findLongestMatch(alo, ahi, blo, bhi);
			int i = match[0];
			int j = match[1];
			int k = match[2];
			if (k > 0) {
				matched += k;
				if (alo < i && blo < j) {
					queue.push(new int[] {alo, i, blo, j});
				}
				if (i + k < ahi && j + k < bhi) {
					queue.push(new int[] {i + k, ahi, j + k, bhi});
				}
			}
		}
		return matched;
	}

	/** Python {@code find_longest_match(alo, ahi, blo, bhi)}, returning {@code {i, j, size}}. */
	private int[] findLongestMatch(int alo, int ahi, int blo, int bhi) {
		int besti = alo;
		int bestj = blo;
		int bestSize = 0;
		Map<Integer, Integer> j2len = new HashMap<>();
		for (int i = alo; i < ahi; i++) {
			Map<Integer, Integer> newJ2len = new HashMap<>();
			for (int j : b2j.getOrDefault(a[i], List.of())) {
				if (j < blo) {
					continue;
				}
				if (j >= bhi) {
					break;
				}
				int k = j2len.getOrDefault(j - 1, 0) + 1;
				newJ2len.put(j, k);
				if (k > bestSize) {
					besti = i - k + 1;
					bestj = j - k + 1;
					bestSize = k;
				}
			}
			j2len = newJ2len;
		}
		// Popular elements were left out of b2j, so extend the match over equal neighbours here,
		// exactly as CPython does; this is what lets autojunked elements still count.
		while (besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1]) {
			besti--;
			bestj--;
			bestSize++;
		}
		while (besti + bestSize < ahi && bestj + bestSize < bhi && a[besti + bestSize] == b[bestj + bestSize]) {
			bestSize++;
		}
		return new int[] {besti, bestj, bestSize};
	}
}
