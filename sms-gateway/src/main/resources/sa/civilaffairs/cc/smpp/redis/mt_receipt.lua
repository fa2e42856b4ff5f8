-- Applies a delivery receipt. ARGV: now, smscId (bind/normalised id), outcome (DELIVERED, FAILED, or PENDING for
-- intermediate states), error, to (bind/handset), earlyTtlMs, plainTo (the handset: parts a stopped gateway left
-- UNKNOWN are listed under it, their bind unknown).
-- Matched by the id map; else to the oldest part of this number whose submit_sm_resp never came; else kept as an
-- early receipt that mt_submitted applies when the id arrives. Returns {matched: 1|0, id, state, callback}.
local now, sid, outcome, err, to, ttl, plainTo = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local m = redis.call('GET', P .. 'smsc:' .. sid)
if not m and outcome ~= 'PENDING' then
  local u = redis.call('LPOP', P .. 'unk:' .. to) or redis.call('LPOP', P .. 'unk:' .. plainTo)
  if u then
    m = u
    redis.call('SET', P .. 'smsc:' .. sid, m, 'PX', ttl)
    local sep = string.find(m, '|', 1, true)
    local mid, part = string.sub(m, 1, sep - 1), string.sub(m, sep + 1)
    redis.call('HSET', P .. 'mt:' .. mid, 'smsc:' .. part, sid)
    log(mid, now, 'RECONCILED', 'part ' .. part .. ' matched by receipt for its number')
  end
end
if not m then
  if outcome == 'PENDING' then return {0, '', '', ''} end
  redis.call('SET', P .. 'dlr:' .. sid, outcome .. '|' .. err, 'PX', ttl)
  redis.call('RPUSH', P .. 'dlr-by:' .. to, sid)
  redis.call('PEXPIRE', P .. 'dlr-by:' .. to, ttl)
  return {0, '', '', ''}
end
local sep = string.find(m, '|', 1, true)
local id, i = string.sub(m, 1, sep - 1), tonumber(string.sub(m, sep + 1))
local state = apply(id, i, outcome, err, now)
return {1, id, state or '', redis.call('HGET', P .. 'mt:' .. id, 'callback') or ''}
