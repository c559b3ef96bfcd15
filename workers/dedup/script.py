"""The Redis Lua script that decides and records dedup outcomes for a batch.

Redis runs a script to completion before any other command, so checking the
state and registering the article happen as one step for every worker: of
two near-identical articles decided at the same instant, one is registered
first and the other sees it.

Keys (all under the prefix):

* `u:{uri}` hash, TTL = window, refreshed on every sighting:
  `h:{content_hash}` the decision given to that content (JSON), `max` the
  highest version given, `canon` = 1 once the uri had a canonical version,
  `story` its story id, `sig` the signature of its latest canonical version.
* `x:{normalized_hash}` string: the canonical uri of that exact text, TTL = window.
* `b:{bucket}` hash: band key -> canonical uri, one hash per time bucket
  (window / buckets long), expiring one window after its bucket ends. A
  candidate whose `u:` hash has expired is ignored, so nothing older than the
  window matches even while its bucket lives on.

The decision JSON for each article: outcome, version, story, and for
duplicates duplicate_of, similarity, method; for related articles similarity.
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

local now = tonumber(redis.call('TIME')[1])
local bucket = math.floor(now / bucket_seconds)
local bucket_key = prefix .. 'b:' .. bucket
local bucket_expires_at = (bucket + 1) * bucket_seconds + window

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

-- Earlier buckets that exist: the script writes only the current one, and keys do
-- not expire while a script runs, so this holds for the whole call.
local lookup_keys = {}
for b = bucket - lookback, bucket - 1 do
  local key = prefix .. 'b:' .. b
  if redis.call('EXISTS', key) == 1 then lookup_keys[#lookup_keys + 1] = key end
end
lookup_keys[#lookup_keys + 1] = bucket_key

-- The most similar live canonical article sharing a band, ties to the smaller uri.
-- Candidates sharing more bands are compared first: with common phrases
-- colliding in a band or two, the cap then drops only the least likely ones.
local function best_match(uri, sig, fields)
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
  local best_uri, best_sim, best_story = nil, -1, nil
  for i = 1, math.min(#candidates, max_candidates) do
    local owner = candidates[i]
    local cand = redis.call('HMGET', prefix .. 'u:' .. owner, 'sig', 'story')
    if cand[1] then
      local s = similarity(sig, cand[1])
      if s > best_sim or (s == best_sim and owner < best_uri) then
        best_uri, best_sim, best_story = owner, s, cand[2]
      end
    end
  end
  return best_uri, best_sim, best_story
end

local function register(uri, ukey, chash, nhash, sig, fields, decision, encoded)
  local xkey = prefix .. 'x:' .. nhash
  local owner = redis.call('GET', xkey)
  if not owner or owner == uri then
    redis.call('SET', xkey, uri, 'EX', window)
  end
  local pairs_ = {}
  for i = 1, #fields do
    pairs_[2 * i - 1] = fields[i]
    pairs_[2 * i] = uri
  end
  redis.call('HSET', bucket_key, unpack(pairs_))
  redis.call('EXPIREAT', bucket_key, bucket_expires_at)
  redis.call('HSET', ukey, 'h:' .. chash, encoded, 'max', decision.version,
             'canon', '1', 'story', decision.story, 'sig', sig)
  redis.call('EXPIRE', ukey, window)
end

local replies = {}
for base = FIRST, #ARGV, FIELDS do
  local uri, chash, nhash = ARGV[base], ARGV[base + 1], ARGV[base + 2]
  local given_version = tonumber(ARGV[base + 3])
  local sig = ARGV[base + 4]
  local ukey = prefix .. 'u:' .. uri
  local state = redis.call('HMGET', ukey, 'h:' .. chash, 'max', 'canon', 'story')

  if state[1] then
    -- Redelivery or replay: the same decision again; canonical content is not a duplicate.
    local decision = cjson.decode(state[1])
    if decision.outcome ~= 'duplicate' and decision.outcome ~= 'near_duplicate' then
      decision.outcome = 'ok'
    end
    redis.call('EXPIRE', ukey, window)
    replies[#replies + 1] = cjson.encode(decision)
  else
    local previous = tonumber(state[2]) or 0
    local decision = {version = math.max(previous + 1, given_version)}
    local fields = nil  -- cut from `sig` only when looked up or registered
    if state[3] == '1' then
      decision.outcome, decision.story = 'new_version', state[4]
    else
      local owner = redis.call('GET', prefix .. 'x:' .. nhash)
      if owner and owner ~= uri then
        decision.outcome, decision.duplicate_of = 'duplicate', owner
        decision.similarity, decision.method = 1, 'exact'
        decision.story = redis.call('HGET', prefix .. 'u:' .. owner, 'story') or owner
      else
        fields = band_fields(sig)
        local match, s, match_story = best_match(uri, sig, fields)
        if match and s >= near then
          decision.outcome, decision.duplicate_of = 'near_duplicate', match
          decision.similarity, decision.method = s, 'near'
          decision.story = match_story or match
        elseif match and s >= related then
          decision.outcome, decision.story, decision.similarity = 'related', match_story or match, s
        else
          decision.outcome, decision.story = 'ok', state[4] or uri
        end
        if previous > 0 and not decision.duplicate_of then
          decision.outcome = 'new_version'
        end
      end
    end
    local encoded = cjson.encode(decision)
    if decision.duplicate_of then
      redis.call('HSET', ukey, 'h:' .. chash, encoded, 'max', decision.version)
      redis.call('EXPIRE', ukey, window)
    else
      register(uri, ukey, chash, nhash, sig, fields or band_fields(sig), decision, encoded)
    end
    replies[#replies + 1] = encoded
  end
end
return replies
"""
