"""The Redis Lua scripts of the story state (`redis_state.py`): one call reads
what an article's placement needs, one call writes it, whatever the number of
features. A feature held by more stories than the limit answers its count alone:
it finds no candidates. Keys are built from the prefix given in ARGV, as the dedup script's."""

from __future__ import annotations

READ = r"""
local prefix = ARGV[1]
local low = ARGV[2]
local high = ARGV[3]
local limit = tonumber(ARGV[4])
local uri = ARGV[5]
local anchor = ARGV[6]
local reply = {redis.call('GET', prefix .. 'u:' .. uri) or false, false}
if reply[1] then return reply end
if anchor ~= '' then reply[2] = redis.call('GET', prefix .. 'u:' .. anchor) or false end
for i = 7, #ARGV do
  local key = prefix .. 'f:' .. ARGV[i]
  local count = redis.call('ZCOUNT', key, low, high)
  reply[#reply + 1] = count
  if count <= limit then
    reply[#reply + 1] = redis.call('ZREVRANGEBYSCORE', key, high, low)
  else
    reply[#reply + 1] = {}
  end
end
return reply
"""

WRITE = r"""
local prefix = ARGV[1]
local ttl = tonumber(ARGV[2])
local uri = ARGV[3]
local story = ARGV[4]
local time = ARGV[5]
local oldest = ARGV[6]
local members = tonumber(ARGV[7])
local signature = ARGV[8]
redis.call('SET', prefix .. 'u:' .. uri, story, 'EX', ttl)
local skey = prefix .. 's:' .. story
redis.call('RPUSH', skey, signature)
redis.call('LTRIM', skey, -members, -1)
redis.call('EXPIRE', skey, ttl)
for i = 9, #ARGV do
  local key = prefix .. 'f:' .. ARGV[i]
  redis.call('ZADD', key, 'GT', time, story)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. oldest)
  redis.call('EXPIRE', key, ttl)
end
return 1
"""
