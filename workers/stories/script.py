"""The Redis Lua scripts of the story state (`redis_state.py`): one call reads
what a whole batch's placement needs, one call writes every placement of it.

Features are named once per call, in a table after the articles' arguments; an
article lists its features as indexes into it (`"3,17,42"`). Keys are built from
the prefix given in ARGV, as the dedup script's.

READ answers, for each article, its uri's story (when the uri is given), its
anchor's story (when an anchor is given), and the latest members of the story
named by its uri and of its anchor's story; then, for each feature of the table
held by an article not yet placed, the stories holding it within the widest
window of those articles, when there are no more than the limit: `{0, stories}`
when every one of them lies in each of those windows, else `{1, stories and
times}`; otherwise `{2, counted}`: for each of those articles in turn, the count
within its own window and, when within the limit, those stories with their
times. Times are answered as Redis stores them (the double given at the write).

WRITE records each placement in order; a feature key's expiry is set once, after
every placement of the call."""

from __future__ import annotations

READ = r"""
local prefix = ARGV[1]
local limit = tonumber(ARGV[2])
local members = tonumber(ARGV[3])
local count = tonumber(ARGV[4])
local table_at = 4 + 5 * count
local reply = {}
local lows, highs, holding = {}, {}, {}
local function lrange(story)
  return redis.call('LRANGE', prefix .. 's:' .. story, -members, -1)
end
for a = 1, count do
  local at = 4 + 5 * (a - 1)
  local uri, anchor = ARGV[at + 1], ARGV[at + 2]
  local known = false
  if uri ~= '' then known = redis.call('GET', prefix .. 'u:' .. uri) or false end
  local anchored = false
  if anchor ~= '' then anchored = redis.call('GET', prefix .. 'u:' .. anchor) or false end
  local answer = {known, anchored}
  if not known then
    lows[a], highs[a] = at + 3, at + 4
    answer[3] = uri ~= '' and lrange(uri) or {}
    answer[4] = anchor ~= '' and lrange(anchored or anchor) or {}
    for f in string.gmatch(ARGV[at + 5], '%d+') do
      local index = tonumber(f)
      local list = holding[index]
      if not list then
        list = {}
        holding[index] = list
      end
      list[#list + 1] = a
    end
  end
  reply[a] = answer
end
for index = 1, #ARGV - table_at do
  local list = holding[index]
  local answer = false
  if list then
    local key = prefix .. 'f:' .. ARGV[table_at + index]
    local low, high = lows[list[1]], highs[list[1]]
    local inner_low, inner_high = low, high
    for _, a in ipairs(list) do
      local from, to = tonumber(ARGV[lows[a]]), tonumber(ARGV[highs[a]])
      if from < tonumber(ARGV[low]) then low = lows[a] end
      if to > tonumber(ARGV[high]) then high = highs[a] end
      if from > tonumber(ARGV[inner_low]) then inner_low = lows[a] end
      if to < tonumber(ARGV[inner_high]) then inner_high = highs[a] end
    end
    local within = redis.call('ZCOUNT', key, ARGV[low], ARGV[high])
    if within <= limit then
      if within == 0 or (tonumber(ARGV[inner_low]) <= tonumber(ARGV[inner_high])
          and redis.call('ZCOUNT', key, ARGV[inner_low], ARGV[inner_high]) == within) then
        answer = {0, redis.call('ZRANGEBYSCORE', key, ARGV[low], ARGV[high])}
      else
        answer = {1, redis.call('ZRANGEBYSCORE', key, ARGV[low], ARGV[high], 'WITHSCORES')}
      end
    else
      local counted = {}
      for _, a in ipairs(list) do
        within = redis.call('ZCOUNT', key, ARGV[lows[a]], ARGV[highs[a]])
        counted[#counted + 1] = within
        if within <= limit then
          counted[#counted + 1] = redis.call(
            'ZRANGEBYSCORE', key, ARGV[lows[a]], ARGV[highs[a]], 'WITHSCORES')
        else
          counted[#counted + 1] = {}
        end
      end
      answer = {2, counted}
    end
  end
  reply[count + index] = answer
end
return reply
"""

WRITE = r"""
local prefix = ARGV[1]
local ttl = tonumber(ARGV[2])
local members = tonumber(ARGV[3])
local count = tonumber(ARGV[4])
local table_at = 4 + 6 * count
local touched = {}
for p = 1, count do
  local at = 4 + 6 * (p - 1)
  local uri, story, time, oldest = ARGV[at + 1], ARGV[at + 2], ARGV[at + 3], ARGV[at + 4]
  redis.call('SET', prefix .. 'u:' .. uri, story, 'EX', ttl)
  local skey = prefix .. 's:' .. story
  redis.call('RPUSH', skey, ARGV[at + 5])
  redis.call('LTRIM', skey, -members, -1)
  redis.call('EXPIRE', skey, ttl)
  for f in string.gmatch(ARGV[at + 6], '%d+') do
    local key = prefix .. 'f:' .. ARGV[table_at + tonumber(f)]
    redis.call('ZADD', key, 'GT', time, story)
    redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. oldest)
    touched[key] = true
  end
end
for key in pairs(touched) do
  redis.call('EXPIRE', key, ttl)
end
return 1
"""
