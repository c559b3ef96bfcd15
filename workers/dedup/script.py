"""The Redis Lua script that decides and records dedup outcomes for a batch.

Redis runs a script to completion before any other command, so looking at the
state and changing it are one step for every worker: of two copies decided at
the same instant, one is recorded first and the other sees it.

The rules (docs/ARCHITECTURE.md, Deduplication), for each article X:

* X's content is already known (same uri, same content hash): a redelivery or
  a replay. Nothing changes; the answer is X's current role.
* X is a known canonical article with new content: a new version. Its new
  text is indexed beside the old one.
* Otherwise (a new uri, or new content of an alias) X is compared with the
  canonical articles of the window: the owner of its exact normalized text,
  else those sharing LSH bands with it, resolved to their canonical (one that
  left the window is no match) and kept when the MinHash similarity reaches
  the near threshold. With no match, X is
  canonical (in the story of its best related match). With matches, the
  earliest of them and X wins (the smallest dedup key: firstcreated, then
  versioncreated, then uri): if it is a match, X becomes its alias; if it is X,
  X takes over every match, whose aliases follow it.

Every change of a uri's role takes the next value of one counter (`rseq`), and
the answer carries it: storage applies roles in that order, whatever order the
messages reach it in. The answer for a canonical lists the uris that became its
aliases in the decision that made its role (the same `rseq`), so a redelivered
takeover is never lost with the message that first announced it.

Keys, under the prefix (all live one window after their last use):

* `epoch`: written when the state is complete. Without it the script decides
  nothing and answers `NOEPOCH`: Redis came back empty, and the state must be
  rebuilt from storage first.
* `seq`: the role counter.
* `u:{uri}` hash: `c:{content_hash}` for each known content, `rseq`, `of` (the
  canonical, for an alias) with `sim` and `how` (exact or near), `story`,
  `key` (the dedup key), `sig` (signature of the latest content), `split` (1
  once an operator split it off: it is never made an alias again).
* `a:{uri}` set: the aliases of a canonical uri.
* `x:{normalized_hash}`: a uri with that exact text.
* `b:{bucket}` hash: band key -> uri, one hash per time bucket (window /
  buckets long). A band owner whose `u:` hash expired is ignored.
"""

from __future__ import annotations

DECIDE = r"""
local prefix = ARGV[1]
local window = tonumber(ARGV[2])
local near = tonumber(ARGV[3])
local related = tonumber(ARGV[4])
local bucket_seconds = tonumber(ARGV[5])
local lookback = tonumber(ARGV[6])
local band_count = tonumber(ARGV[7])
local band_bytes = tonumber(ARGV[8])
local max_candidates = tonumber(ARGV[9])
local FIELDS = 5
local FIRST = 10

if redis.call('EXISTS', prefix .. 'epoch') == 0 then
  return redis.error_reply('NOEPOCH the dedup state is empty and must be rebuilt from storage')
end

local now = tonumber(redis.call('TIME')[1])
local bucket = math.floor(now / bucket_seconds)
local bucket_key = prefix .. 'b:' .. bucket
local bucket_expires_at = (bucket + 1) * bucket_seconds + window

local function ukey(uri) return prefix .. 'u:' .. uri end
local function akey(uri) return prefix .. 'a:' .. uri end

-- Share of equal 32-bit MinHash values. Interning the 4-byte slices costs less
-- than unpacking both signatures into byte tables.
local sub = string.sub
local function similarity(a, b)
  if not a or not b or #a ~= #b or #a == 0 then return 0 end
  local same = 0
  for i = 1, #a, 4 do
    if sub(a, i, i + 3) == sub(b, i, i + 3) then
      same = same + 1
    end
  end
  return same / (#a / 4)
end

-- Band keys of a signature: each band's index byte, then the band's bytes.
local char = string.char
local function band_fields(sig)
  local fields = {}
  for b = 0, band_count - 1 do
    local first = b * band_bytes + 1
    fields[b + 1] = char(b) .. sub(sig, first, first + band_bytes - 1)
  end
  return fields
end

-- The canonical of a live `owner` (the owner itself, or the uri it is an alias of)
-- is still in the window: an alias can outlive its canonical.
local function in_window(canonical, owner)
  return canonical == owner or redis.call('EXISTS', ukey(canonical)) == 1
end

-- Earlier buckets that exist: the script writes only the current one, and keys do
-- not expire while a script runs, so this holds for the whole call.
local lookup_keys = {}
for b = bucket - lookback, bucket - 1 do
  local key = prefix .. 'b:' .. b
  if redis.call('EXISTS', key) == 1 then lookup_keys[#lookup_keys + 1] = key end
end
lookup_keys[#lookup_keys + 1] = bucket_key

-- Canonical articles whose text X's text nearly repeats ({canonical = similarity}),
-- and the best related one. Candidates sharing more bands are compared first:
-- with common phrases colliding in a band or two, the cap then drops only the
-- least likely ones.
local function near_matches(uri, sig)
  local fields = band_fields(sig)
  local hits, candidates = {}, {}
  for k = 1, #lookup_keys do
    local owners = redis.call('HMGET', lookup_keys[k], unpack(fields))
    for i = 1, #owners do
      local owner = owners[i]
      if owner and owner ~= uri then
        if not hits[owner] then
          hits[owner] = 0
          candidates[#candidates + 1] = owner
        end
        hits[owner] = hits[owner] + 1
      end
    end
  end
  table.sort(candidates, function(a, b)
    if hits[a] ~= hits[b] then return hits[a] > hits[b] end
    return a < b
  end)
  local matches, best_related, related_sim = {}, nil, -1
  for i = 1, math.min(#candidates, max_candidates) do
    local owner = candidates[i]
    local cand = redis.call('HMGET', ukey(owner), 'sig', 'of')
    if cand[1] then
      local canonical = cand[2] or owner
      if canonical ~= uri and in_window(canonical, owner) then
        local s = similarity(sig, cand[1])
        if s >= near then
          if not matches[canonical] or s > matches[canonical] then matches[canonical] = s end
        elseif s >= related then
          if s > related_sim or (s == related_sim and canonical < best_related) then
            best_related, related_sim = canonical, s
          end
        end
      end
    end
  end
  return matches, best_related, related_sim
end

-- X's text and bands point to X.
local function register(uri, nhash, sig)
  local xkey = prefix .. 'x:' .. nhash
  local owner = redis.call('GET', xkey)
  if not owner or owner == uri or redis.call('EXISTS', ukey(owner)) == 0 then
    redis.call('SET', xkey, uri, 'EX', window)
  end
  local fields = band_fields(sig)
  local pairs_ = {}
  for i = 1, #fields do
    pairs_[2 * i - 1] = fields[i]
    pairs_[2 * i] = uri
  end
  redis.call('HSET', bucket_key, unpack(pairs_))
  redis.call('EXPIREAT', bucket_key, bucket_expires_at)
end

-- `uri` and its aliases become aliases of `to`, in decision `seq`.
local function demote(uri, to, sim, how, seq, story)
  redis.call('HSET', ukey(uri), 'of', to, 'sim', sim, 'how', how, 'rseq', seq, 'story', story)
  redis.call('SADD', akey(to), uri)
  for _, alias in ipairs(redis.call('SMEMBERS', akey(uri))) do
    if redis.call('EXISTS', ukey(alias)) == 1 then
      redis.call('HSET', ukey(alias), 'of', to, 'rseq', seq, 'story', story)
      redis.call('SADD', akey(to), alias)
    end
  end
  redis.call('DEL', akey(uri))
  redis.call('EXPIRE', akey(to), window)
end

-- The uris that became aliases of canonical `uri` in the decision `seq` made it.
local function taken_over(uri, seq)
  local taken = {}
  for _, alias in ipairs(redis.call('SMEMBERS', akey(uri))) do
    local a = redis.call('HMGET', ukey(alias), 'rseq', 'sim', 'how')
    if a[1] and tostring(a[1]) == tostring(seq) then
      taken[#taken + 1] = {uri = alias, similarity = tonumber(a[2]), method = a[3]}
    end
  end
  table.sort(taken, function(x, y) return x.uri < y.uri end)
  return taken
end

local function answer(uri, outcome, state)
  local reply = {outcome = outcome, story = state.story, rseq = tonumber(state.rseq)}
  if state.of then
    reply.duplicate_of = state.of
    reply.similarity = tonumber(state.sim)
    reply.method = state.how
  else
    reply.similarity = state.related_sim
    local taken = taken_over(uri, state.rseq)
    if #taken > 0 then reply.takes_over = taken end
  end
  return cjson.encode(reply)
end

local function alias_outcome(how)
  if how == 'exact' then return 'duplicate' end
  return 'near_duplicate'
end

local replies = {}
for base = FIRST, #ARGV, FIELDS do
  local uri, chash, nhash = ARGV[base], ARGV[base + 1], ARGV[base + 2]
  local key, sig = ARGV[base + 3], ARGV[base + 4]
  local uk = ukey(uri)
  local st = redis.call('HMGET', uk, 'c:' .. chash, 'rseq', 'of', 'sim', 'how', 'story', 'key')
  local known = st[2] ~= false
  local state = {rseq = st[2], of = st[3] or nil, sim = st[4], how = st[5], story = st[6]}
  local reply

  if st[1] then
    -- Redelivery or replay: the current role, unchanged.
    local outcome = 'ok'
    if state.of then outcome = alias_outcome(state.how) end
    reply = answer(uri, outcome, state)
  else
    if known and st[7] and st[7] ~= '' and st[7] < key then key = st[7] end
    if known and not state.of then
      -- A new version of a canonical article.
      register(uri, nhash, sig)
      reply = answer(uri, 'new_version', state)
    else
      local matches, best_related, related_sim = {}, nil, -1
      local how = 'near'
      local owner = redis.call('GET', prefix .. 'x:' .. nhash)
      if owner and owner ~= uri and redis.call('EXISTS', ukey(owner)) == 1 then
        local canonical = redis.call('HGET', ukey(owner), 'of') or owner
        if canonical ~= uri and in_window(canonical, owner) then
          matches[canonical] = 1
          how = 'exact'
        end
      end
      if how ~= 'exact' then
        matches, best_related, related_sim = near_matches(uri, sig)
      end
      local earliest, earliest_key = nil, nil
      for canonical, _ in pairs(matches) do
        local k = redis.call('HGET', ukey(canonical), 'key')
        if not k or k == '' then k = canonical end
        if not earliest or k < earliest_key or (k == earliest_key and canonical < earliest) then
          earliest, earliest_key = canonical, k
        end
      end
      local previous = state.of
      if earliest and earliest_key < key then
        -- An alias of the earliest match.
        if previous ~= earliest then
          state.rseq = redis.call('INCR', prefix .. 'seq')
          if previous then redis.call('SREM', akey(previous), uri) end
        end
        state.of, state.sim, state.how = earliest, matches[earliest], how
        state.story = redis.call('HGET', ukey(earliest), 'story') or earliest
        redis.call('HSET', uk, 'of', state.of, 'sim', state.sim, 'how', how,
                   'rseq', state.rseq, 'story', state.story)
        redis.call('SADD', akey(earliest), uri)
        redis.call('EXPIRE', akey(earliest), window)
        redis.call('SET', prefix .. 'x:' .. nhash, uri, 'EX', window, 'NX')
        reply = answer(uri, alias_outcome(how), state)
      else
        -- Canonical: no match, or earlier than every match (it takes them over).
        local seq = redis.call('INCR', prefix .. 'seq')
        local story
        if earliest then
          story = redis.call('HGET', ukey(earliest), 'story') or earliest
        elseif best_related then
          story = redis.call('HGET', ukey(best_related), 'story') or best_related
        else
          story = uri
        end
        if previous then
          redis.call('SREM', akey(previous), uri)
          redis.call('HDEL', uk, 'of', 'sim', 'how')
        end
        state.of, state.rseq, state.story = nil, seq, story
        redis.call('HSET', uk, 'rseq', seq, 'story', story)
        for canonical, s in pairs(matches) do
          if redis.call('HGET', ukey(canonical), 'split') ~= '1' then
            demote(canonical, uri, s, how, seq, story)
          end
        end
        register(uri, nhash, sig)
        local outcome = 'ok'
        if known then
          outcome = 'new_version'
        elseif best_related and not earliest then
          outcome = 'related'
          state.related_sim = related_sim
        end
        reply = answer(uri, outcome, state)
      end
    end
    redis.call('HSET', uk, 'c:' .. chash, '1', 'key', key, 'sig', sig)
  end
  redis.call('EXPIRE', uk, window)
  replies[#replies + 1] = reply
end
return replies
"""

SPLIT = r"""
local prefix, window, uri, seq = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4]
if redis.call('EXISTS', prefix .. 'epoch') == 0 then
  return redis.error_reply('NOEPOCH the dedup state is empty and must be rebuilt from storage')
end
if seq == '' then
  return redis.call('INCR', prefix .. 'seq')
end
local uk = prefix .. 'u:' .. uri
if redis.call('EXISTS', uk) == 1 then
  local of = redis.call('HGET', uk, 'of')
  if of then redis.call('SREM', prefix .. 'a:' .. of, uri) end
  redis.call('HDEL', uk, 'of', 'sim', 'how')
  redis.call('HSET', uk, 'rseq', seq, 'split', '1')
  redis.call('EXPIRE', uk, window)
end
return tonumber(seq)
"""
"""Without a `seq`, reserves the next role order for a split; with it, makes `uri`
a canonical article for good in that order (a uri that left the window has
nothing to change: storage keeps the split)."""
